package io.getaways.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingNotFoundException;
import io.getaways.booking.BookingPassengers;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.Passenger;
import io.getaways.booking.PassengerMatch;
import io.getaways.booking.PassengerNotFoundException;
import io.getaways.booking.PassengersLockedException;
import io.getaways.booking.internal.BookingSearches.Filter;
import io.getaways.platform.InvalidParameterException;
import org.springframework.stereotype.Component;

/**
 * The passengers of bookings as travellers and admins reach them: a traveller's own,
 * editable until the cut-off before the start; any booking's masked for admins, and one
 * revealed at a time, recorded.
 */
@Component
class PassengerService {

	private static final int EXPORT_PAGE = 100;

	private final BookingRepository bookings;

	private final BookingSearches searches;

	private final PassengerBook book;

	private final RetryingTransactions transactions;

	private final BookingSettings settings;

	PassengerService(BookingRepository bookings, BookingSearches searches, PassengerBook book,
			RetryingTransactions transactions, BookingSettings settings) {
		this.bookings = bookings;
		this.searches = searches;
		this.book = book;
		this.transactions = transactions;
		this.settings = settings;
	}

	List<Passenger> ofMine(UUID userId, UUID bookingId) {
		return transactions.read(status -> {
			bookings.findOwn(bookingId, userId).orElseThrow(() -> new BookingNotFoundException(bookingId));
			return book.of(bookingId);
		});
	}

	List<Passenger> replaceOfMine(UUID userId, UUID bookingId, List<Passenger> passengers) {
		if (passengers == null) {
			throw new InvalidParameterException(PassengerRules.FIELD, "is required");
		}
		return transactions.write("replace-passengers", status -> {
			Booking booking = bookings.lockOwn(bookingId, userId)
				.orElseThrow(() -> new BookingNotFoundException(bookingId))
				.booking();
			if (booking.status() == BookingStatus.CANCELLED || booking.status() == BookingStatus.COMPLETED) {
				throw new PassengersLockedException(bookingId, "it is " + booking.status());
			}
			Instant lockedAt = booking.startsAt().minus(settings.passengerEditCutoff());
			if (!Instant.now().isBefore(lockedAt)) {
				throw PassengersLockedException.cutOff(bookingId, lockedAt, booking.startsAt());
			}
			List<Passenger> list = booking.isTrip() ? PassengerRules.normalized(passengers, booking.seats(), "seat")
					: PassengerRules.normalized(passengers, booking.guests(), "guest");
			PassengerRules.requireValidAfter(list, LocalDate.ofInstant(booking.endsAt(), ZoneOffset.UTC),
					booking.isTrip() ? "trip" : "stay");
			book.replace(bookingId, userId, list);
			return book.of(bookingId);
		});
	}

	List<BookingPassengers> allOfMine(UUID userId) {
		return transactions.read(status -> {
			Filter filter = Filter.mine(userId, null);
			List<BookingPassengers> result = new ArrayList<>();
			for (long offset = 0;; offset += EXPORT_PAGE) {
				List<BookingRow> rows = searches.page(filter, EXPORT_PAGE, offset);
				rows.forEach(row -> result.add(new BookingPassengers(row.booking(), book.of(row.id()))));
				if (rows.size() < EXPORT_PAGE) {
					return result;
				}
			}
		});
	}

	List<Passenger> ofAny(UUID bookingId) {
		return transactions.read(status -> {
			bookings.findAny(bookingId).orElseThrow(() -> new BookingNotFoundException(bookingId));
			return book.of(bookingId).stream().map(Passenger::masked).toList();
		});
	}

	Passenger reveal(UUID bookingId, UUID passengerId, UUID adminId) {
		return transactions.write("reveal-passenger", status -> {
			bookings.findAny(bookingId).orElseThrow(() -> new BookingNotFoundException(bookingId));
			Passenger passenger = book.of(bookingId)
				.stream()
				.filter(p -> p.id().equals(passengerId))
				.findFirst()
				.orElseThrow(() -> new PassengerNotFoundException(bookingId, passengerId));
			book.recordReveal(passengerId, bookingId, adminId);
			return passenger;
		});
	}

	List<PassengerMatch> byDocument(String documentNumber) {
		String number = PassengerRules.normalizedNumber(documentNumber);
		if (number.isEmpty() || number.length() > PassengerRules.MAX_NUMBER || !number.matches("[A-Z0-9]+")) {
			throw new InvalidParameterException("documentNumber", "must be 1 to " + PassengerRules.MAX_NUMBER
					+ " letters or digits (spaces and hyphens are ignored)");
		}
		return transactions.read(status -> book.byDocumentNumber(number));
	}

}
