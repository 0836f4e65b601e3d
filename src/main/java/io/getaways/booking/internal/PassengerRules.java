package io.getaways.booking.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.getaways.booking.Passenger;
import io.getaways.booking.TravelDocument;
import io.getaways.platform.InvalidParameterException;

/**
 * What a list of passengers must be, each refusal naming the passenger by its index in
 * the list ({@code passengers[1].dateOfBirth}, counting from 0 as JSON does) and never
 * echoing the value, so that no document number reaches an answer or a log.
 */
final class PassengerRules {

	static final String FIELD = "passengers";

	static final int MAX_NAME = 100;

	static final int MAX_NUMBER = 30;

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Set<String> DOCUMENT_TYPES = Set.of("PASSPORT", "ID_CARD");

	private PassengerRules() {
	}

	/**
	 * The passengers checked on their own terms and normalized: one per seat or guest,
	 * names trimmed, countries and document numbers in capitals, the number without
	 * spaces or hyphens.
	 */
	static List<Passenger> normalized(List<Passenger> passengers, int expected, String per) {
		if (passengers.size() != expected) {
			throw new InvalidParameterException(FIELD, "must list exactly " + expected + " passenger(s), one per " + per
					+ ", but lists " + passengers.size());
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<Passenger> result = new ArrayList<>();
		for (int i = 0; i < passengers.size(); i++) {
			String at = FIELD + "[" + i + "]";
			Passenger passenger = passengers.get(i);
			if (passenger == null) {
				throw new InvalidParameterException(at, "is required");
			}
			String name = passenger.fullName() == null ? "" : passenger.fullName().strip();
			require(at + ".fullName", !name.isEmpty(), "is required");
			require(at + ".fullName", name.codePointCount(0, name.length()) <= MAX_NAME,
					"must be at most " + MAX_NAME + " characters");
			require(at + ".fullName", name.codePoints().noneMatch(Character::isISOControl),
					"must not contain control characters");
			LocalDate born = passenger.dateOfBirth();
			require(at + ".dateOfBirth", born != null, "is required");
			require(at + ".dateOfBirth", born.isBefore(today), "must be in the past");
			require(at + ".dateOfBirth", !born.isBefore(EARLIEST_BIRTH), "must be on or after " + EARLIEST_BIRTH);
			String nationality = country(at + ".nationality", passenger.nationality());
			result.add(new Passenger(null, name, born, nationality, document(at + ".document", passenger.document())));
		}
		return List.copyOf(result);
	}

	/** Every document must still be valid after the trip or stay ends. */
	static void requireValidAfter(List<Passenger> passengers, LocalDate lastDay, String what) {
		for (int i = 0; i < passengers.size(); i++) {
			TravelDocument document = passengers.get(i).document();
			if (document != null) {
				require(FIELD + "[" + i + "].document.expiry", document.expiry().isAfter(lastDay),
						"must be after the " + what + " ends on " + lastDay);
			}
		}
	}

	/** Capitals without spaces or hyphens: how a number is stored and looked up. */
	static String normalizedNumber(String number) {
		return number == null ? "" : number.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	private static TravelDocument document(String at, TravelDocument document) {
		if (document == null) {
			return null;
		}
		String type = document.type() == null ? "" : document.type().strip().toUpperCase(Locale.ROOT);
		require(at + ".type", DOCUMENT_TYPES.contains(type), "must be PASSPORT or ID_CARD");
		String number = normalizedNumber(document.number());
		require(at + ".number", !number.isEmpty(), "is required");
		require(at + ".number", number.length() <= MAX_NUMBER && number.matches("[A-Z0-9]+"),
				"must be 1 to " + MAX_NUMBER + " letters or digits (spaces and hyphens are ignored)");
		String country = country(at + ".issuingCountry", document.issuingCountry());
		require(at + ".expiry", document.expiry() != null, "is required");
		return new TravelDocument(type, number, country, document.expiry());
	}

	private static String country(String field, String value) {
		String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
		require(field, !code.isEmpty(), "is required");
		require(field, COUNTRIES.contains(code), "must be an ISO 3166-1 alpha-2 country code such as PT");
		return code;
	}

	private static void require(String field, boolean holds, String message) {
		if (!holds) {
			throw new InvalidParameterException(field, message);
		}
	}

}
