package io.getaways.booking.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.booking.Passenger;
import io.getaways.booking.PassengerMatch;
import io.getaways.booking.TravelDocument;
import io.getaways.platform.crypto.DataKey;
import io.getaways.platform.crypto.Envelopes;
import org.springframework.stereotype.Component;

/**
 * Passengers written and read through envelope encryption, in the caller's transaction: a
 * booking's passengers share one data key, date of birth and document number are sealed
 * under it bound to the passenger and the field, and the number is also indexed by a
 * keyed HMAC for lookup. Each value is decrypted again before it is written.
 */
@Component
class PassengerBook {

	static final String DOCUMENT_INDEX = "document-number";

	static final int MAX_MATCHES = 100;

	private final PassengerRepository passengers;

	private final Envelopes envelopes;

	PassengerBook(PassengerRepository passengers, Envelopes envelopes) {
		this.passengers = passengers;
		this.envelopes = envelopes;
	}

	/** Writes already normalized passengers, positions 1, 2, ... in list order. */
	void add(UUID bookingId, UUID userId, List<Passenger> list) {
		if (list.isEmpty()) {
			return;
		}
		write(bookingId, userId, list, envelopes.newDataKey());
	}

	/** Replaces the booking's passengers, keeping its data key if it has one. */
	void replace(UUID bookingId, UUID userId, List<Passenger> list) {
		DataKey key = passengers.dataKeyOfBooking(bookingId).map(envelopes::dataKey).orElse(null);
		passengers.deleteOfBooking(bookingId);
		if (!list.isEmpty()) {
			write(bookingId, userId, list, key != null ? key : envelopes.newDataKey());
		}
	}

	List<Passenger> of(UUID bookingId) {
		return decrypt(passengers.ofBooking(bookingId));
	}

	List<PassengerMatch> byDocumentNumber(String normalizedNumber) {
		List<PassengerRepository.Row> rows = passengers
			.byDocumentIndex(envelopes.blindIndex(DOCUMENT_INDEX, normalizedNumber), MAX_MATCHES);
		List<Passenger> found = decrypt(rows);
		List<PassengerMatch> matches = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			matches.add(new PassengerMatch(rows.get(i).bookingId(), found.get(i).masked()));
		}
		return matches;
	}

	void recordReveal(UUID passengerId, UUID bookingId, UUID adminId) {
		passengers.recordReveal(passengerId, bookingId, adminId);
	}

	private void write(UUID bookingId, UUID userId, List<Passenger> list, DataKey key) {
		int position = 1;
		for (Passenger passenger : list) {
			UUID id = UUID.randomUUID();
			TravelDocument document = passenger.document();
			byte[] number = document == null ? null : key.encrypt(document.number(), context(id, "document_number"));
			byte[] index = document == null ? null : envelopes.blindIndex(DOCUMENT_INDEX, document.number());
			passengers.insert(new PassengerRepository.Row(id, bookingId, position++, passenger.fullName(),
					passenger.nationality(),
					key.encrypt(passenger.dateOfBirth().toString(), context(id, "date_of_birth")),
					document == null ? null : document.type(), number, index,
					document == null ? null : document.issuingCountry(), document == null ? null : document.expiry(),
					key.id()), userId);
		}
	}

	private List<Passenger> decrypt(List<PassengerRepository.Row> rows) {
		Map<UUID, DataKey> keys = new HashMap<>();
		List<Passenger> result = new ArrayList<>();
		for (PassengerRepository.Row row : rows) {
			DataKey key = keys.computeIfAbsent(row.dataKeyId(), envelopes::dataKey);
			LocalDate born = LocalDate.parse(key.decrypt(row.dateOfBirth(), context(row.id(), "date_of_birth")));
			TravelDocument document = row.documentType() == null ? null
					: new TravelDocument(row.documentType(),
							key.decrypt(row.documentNumber(), context(row.id(), "document_number")),
							row.issuingCountry(), row.documentExpiry());
			result.add(new Passenger(row.id(), row.fullName(), born, row.nationality(), document));
		}
		return result;
	}

	private static String context(UUID passengerId, String field) {
		return "passenger:" + passengerId + ":" + field;
	}

}
