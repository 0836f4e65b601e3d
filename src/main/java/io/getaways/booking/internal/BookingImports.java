package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.ImportedTripBooking;
import io.getaways.booking.ImportedTripBookingOutcome;
import io.getaways.catalog.BookableTrip;
import io.getaways.catalog.Inventory;
import io.getaways.platform.InvalidParameterException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings brought in from another system. Joins the caller's transaction (an import's
 * batch), unlike placement, which retries in a transaction of its own.
 */
@Component
class BookingImports {

	// In its final state, in one INSERT, as the bulk path does (changeset 027 allows that
	// to the import's actor only): one audit entry per booking, saying it was imported
	// so.
	private static final String INSERT = """
			INSERT INTO app.bookings
			  (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount, currency,
			   status, confirmed_at, completed_at, cancelled_at, cancellation_reason, created_at)
			VALUES (:userId, :tripId, :seats, :startsAt, :endsAt, :unitPrice, :seats, :totalAmount, :currency,
			        :status, :confirmedAt, :completedAt, :cancelledAt, :cancellationReason, :bookedAt)
			RETURNING id""";

	static final String FIND = "SELECT " + BookingRow.COLUMNS + " FROM app.bookings b WHERE b.id = :id";

	private final Inventory inventory;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final BulkTripBookings bulk;

	BookingImports(Inventory inventory, JdbcClient jdbc, TransactionTemplate transactions, BulkTripBookings bulk) {
		this.bulk = bulk;
		this.inventory = inventory;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	Booking importTrip(ImportedTripBooking booking) {
		if (booking.status() == null || booking.status() == BookingStatus.PENDING) {
			throw new InvalidParameterException("status", "must be CONFIRMED, COMPLETED or CANCELLED");
		}
		if (booking.seats() < 1) {
			throw new InvalidParameterException("seats", "must be 1 or more");
		}
		if (booking.unitPrice() != null && booking.unitPrice().signum() < 0) {
			throw new InvalidParameterException("unitPrice", "must not be negative");
		}
		return transactions.execute(status -> {
			BookableTrip trip = inventory.tripForBooking(booking.tripCode());
			if (booking.status() != BookingStatus.CANCELLED) {
				inventory.reserveSeats(trip.id(), booking.seats());
			}
			BigDecimal unitPrice = booking.unitPrice() != null ? booking.unitPrice() : trip.pricePerPerson();
			Timestamp bookedAt = Timestamp.from(booking.bookedAt());
			Timestamp completed = null;
			if (booking.status() == BookingStatus.COMPLETED) {
				completed = Timestamp
					.from(trip.returnsAt().isAfter(booking.bookedAt()) ? trip.returnsAt() : booking.bookedAt());
			}
			UUID id = jdbc.sql(INSERT)
				.param("userId", booking.userId())
				.param("tripId", trip.id())
				.param("seats", booking.seats())
				.param("startsAt", Timestamp.from(trip.departsAt()))
				.param("endsAt", Timestamp.from(trip.returnsAt()))
				.param("unitPrice", unitPrice)
				.param("totalAmount", unitPrice.multiply(BigDecimal.valueOf(booking.seats())))
				.param("currency", trip.currency())
				.param("bookedAt", bookedAt)
				.param("status", booking.status().name())
				.param("confirmedAt", booking.status() == BookingStatus.CANCELLED ? null : bookedAt, Types.TIMESTAMP)
				.param("completedAt", completed, Types.TIMESTAMP)
				.param("cancelledAt", booking.status() == BookingStatus.CANCELLED ? bookedAt : null, Types.TIMESTAMP)
				.param("cancellationReason", booking.status() == BookingStatus.CANCELLED ? "ADMIN" : null,
						Types.VARCHAR)
				.query(UUID.class)
				.single();
			return jdbc.sql(FIND).param("id", id).query(BookingRow::map).single().booking();
		});
	}

	List<ImportedTripBookingOutcome> importTrips(List<ImportedTripBooking> bookings) {
		return bulk.importTrips(bookings);
	}

	void announceSeats(Collection<String> tripCodes) {
		if (!tripCodes.isEmpty()) {
			transactions.executeWithoutResult(status -> inventory.seatsChanged(tripCodes));
		}
	}

}
