package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.NotBookableException;
import io.getaways.booking.Passenger;
import io.getaways.booking.StayUnavailableException;
import io.getaways.booking.StayUnavailableException.DateRange;
import io.getaways.catalog.BookableStay;
import io.getaways.catalog.BookableTrip;
import io.getaways.catalog.Inventory;
import io.getaways.catalog.TripSoldOutException;
import io.getaways.catalog.ListingStatus;
import io.getaways.platform.InvalidParameterException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Places bookings: each is one transaction that takes the seats or nights and inserts the
 * PENDING booking with the price captured. A hold past its expiry that the jobs have not
 * swept yet never blocks anyone: when seats or nights are refused, the expired holds of
 * that trip or stay are released first (as the hold job, in a transaction of its own,
 * since a traveller's row-level security rightly cannot touch another's booking) and the
 * booking is tried again.
 */
@Component
class BookingPlacement {

	private static final int STAY_ATTEMPTS = 3;

	private final Inventory inventory;

	private final BookingRepository bookings;

	private final BookingEvents events;

	private final BookingSweeps sweeps;

	private final RetryingTransactions transactions;

	private final BookingSettings settings;

	private final PassengerBook passengerBook;

	BookingPlacement(Inventory inventory, BookingRepository bookings, BookingEvents events, BookingSweeps sweeps,
			RetryingTransactions transactions, BookingSettings settings, PassengerBook passengerBook) {
		this.passengerBook = passengerBook;
		this.inventory = inventory;
		this.bookings = bookings;
		this.events = events;
		this.sweeps = sweeps;
		this.transactions = transactions;
		this.settings = settings;
	}

	/** Passengers are optional: null books without them. */
	Booking bookTrip(UUID userId, String tripCode, int seats, List<Passenger> passengers) {
		if (seats < 1 || seats > settings.maxSeats()) {
			throw new InvalidParameterException("seats", "must be between 1 and " + settings.maxSeats());
		}
		List<Passenger> travellers = passengers == null ? List.of()
				: PassengerRules.normalized(passengers, seats, "seat");
		try {
			return placeTrip(userId, tripCode, seats, travellers);
		}
		catch (TripSoldOutException soldOut) {
			if (sweeps.releaseExpiredHoldsOfTrip(tripCode) == 0) {
				throw soldOut;
			}
			return placeTrip(userId, tripCode, seats, travellers);
		}
	}

	private Booking placeTrip(UUID userId, String tripCode, int seats, List<Passenger> passengers) {
		return transactions.write("book-trip", status -> {
			BookableTrip trip = inventory.reserveSeatsOnTrip(tripCode, seats)
				.orElseGet(() -> reserveAfterLock(tripCode, seats, passengers));
			// a refusal rolls the seats just taken back with the rest of the transaction
			PassengerRules.requireValidAfter(passengers, LocalDate.ofInstant(trip.returnsAt(), ZoneOffset.UTC), "trip");
			BigDecimal total = trip.pricePerPerson().multiply(BigDecimal.valueOf(seats));
			Booking booking = bookings
				.insert(new BookingRepository.NewTripBooking(userId, trip.id(), seats, trip.departsAt(),
						trip.returnsAt(), trip.pricePerPerson(), total, trip.currency(), settings.holdDuration()))
				.booking();
			passengerBook.add(booking.id(), userId, passengers);
			events.placed(booking);
			return booking;
		});
	}

	/**
	 * The seats were refused: with the trip locked, say why, in the order the checks have
	 * always run, or take them if a cancellation gave them back in between.
	 */
	private BookableTrip reserveAfterLock(String tripCode, int seats, List<Passenger> passengers) {
		BookableTrip trip = inventory.tripForBooking(tripCode);
		if (trip.status() != ListingStatus.ACTIVE) {
			throw new NotBookableException("Trip", trip.code(), "it is " + trip.status());
		}
		if (!trip.departsAt().isAfter(Instant.now())) {
			throw new NotBookableException("Trip", trip.code(), "it departed at " + trip.departsAt());
		}
		PassengerRules.requireValidAfter(passengers, LocalDate.ofInstant(trip.returnsAt(), ZoneOffset.UTC), "trip");
		if (trip.seatsLeft() < seats) {
			throw new TripSoldOutException(trip.code(), seats, Math.max(0, trip.seatsLeft()));
		}
		inventory.reserveSeats(trip.id(), seats);
		return trip;
	}

	/** The stay's nights run from check-in to check-out at 00:00 UTC. */
	Booking bookStay(UUID userId, String stayCode, LocalDate checkIn, LocalDate checkOut, int guests,
			List<Passenger> passengers) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		if (checkIn.isBefore(today)) {
			throw new InvalidParameterException("checkIn", "must not be in the past (today is " + today + " UTC)");
		}
		if (!checkOut.isAfter(checkIn)) {
			throw new InvalidParameterException("checkOut", "must be after checkIn");
		}
		if (ChronoUnit.DAYS.between(checkIn, checkOut) > settings.maxNights()) {
			throw new InvalidParameterException("checkOut",
					"must be at most " + settings.maxNights() + " nights after checkIn");
		}
		if (guests < 1) {
			throw new InvalidParameterException("guests", "must be 1 or more");
		}
		List<Passenger> travellers = passengers == null ? List.of()
				: PassengerRules.normalized(passengers, guests, "guest");
		PassengerRules.requireValidAfter(travellers, checkOut, "stay");
		for (int attempt = 1;; attempt++) {
			try {
				return placeStay(userId, stayCode, checkIn, checkOut, guests, travellers);
			}
			catch (StayTaken taken) {
				int released = sweeps.releaseExpiredHoldsOfStay(taken.stayId());
				List<DateRange> conflicts = transactions
					.read(status -> bookings.occupancy(taken.stayId(), checkIn, checkOut));
				// tried again only if something changed: a hold was released, or the
				// conflicting booking is gone
				if ((released == 0 && !conflicts.isEmpty()) || attempt == STAY_ATTEMPTS) {
					throw new StayUnavailableException(stayCode, checkIn, checkOut, conflicts);
				}
			}
		}
	}

	private Booking placeStay(UUID userId, String stayCode, LocalDate checkIn, LocalDate checkOut, int guests,
			List<Passenger> passengers) {
		return transactions.write("book-stay", status -> {
			BookableStay stay = inventory.stayForBooking(stayCode);
			if (stay.status() != ListingStatus.ACTIVE) {
				throw new NotBookableException("Stay", stay.code(), "it is " + stay.status());
			}
			if (guests > stay.maxGuests()) {
				throw new InvalidParameterException("guests",
						"must be at most " + stay.maxGuests() + " for stay " + stay.code());
			}
			int nights = (int) ChronoUnit.DAYS.between(checkIn, checkOut);
			BigDecimal total = stay.pricePerNight().multiply(BigDecimal.valueOf(nights));
			BookingRepository.NewStayBooking booking = new BookingRepository.NewStayBooking(userId, stay.id(), guests,
					checkIn, checkOut, startOfDayUtc(checkIn), startOfDayUtc(checkOut), stay.pricePerNight(), nights,
					total, stay.currency(), settings.holdDuration());
			try {
				Booking placed = bookings.insert(booking).booking();
				passengerBook.add(placed.id(), userId, passengers);
				events.placed(placed);
				return placed;
			}
			catch (DataAccessException ex) {
				if (StayTaken.isExclusionViolation(ex)) {
					throw new StayTaken(stay.id(), ex);
				}
				throw ex;
			}
		});
	}

	private static Instant startOfDayUtc(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
