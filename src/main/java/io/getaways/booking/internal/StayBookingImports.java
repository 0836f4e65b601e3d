package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.ImportedStayBooking;
import io.getaways.booking.StayUnavailableException;
import io.getaways.catalog.BookableStay;
import io.getaways.catalog.Inventory;
import io.getaways.platform.InvalidParameterException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stay bookings brought in from another system, one at a time in the caller's
 * transaction: the exclusion constraint is what finds nights taken, and it refuses a
 * statement, not a row, so the import gives each booking a savepoint of its own.
 */
@Component
class StayBookingImports {

	private static final String INSERT = """
			INSERT INTO app.bookings
			  (user_id, stay_id, guests, stay_dates, starts_at, ends_at, unit_price, quantity, total_amount, currency,
			   hold_expires_at, created_at)
			VALUES (:userId, :stayId, :guests, daterange(:checkIn, :checkOut, '[)'), :startsAt, :endsAt, :unitPrice,
			        :nights, :totalAmount, :currency, now() + interval '1 minute', :bookedAt)
			RETURNING id""";

	// Unlike trip bookings, a stay booking goes PENDING first and then along the state
	// machine: a cancelled one must not slip past the exclusion constraint's check of its
	// nights.
	private static final String CONFIRM = """
			UPDATE app.bookings
			SET status = 'CONFIRMED',
			    confirmed_at = :at
			WHERE id = :id
			  AND status = 'PENDING'""";

	private static final String COMPLETE = """
			UPDATE app.bookings
			SET status = 'COMPLETED',
			    completed_at = :at
			WHERE id = :id
			  AND status = 'CONFIRMED'""";

	private static final String CANCEL = """
			UPDATE app.bookings
			SET status = 'CANCELLED',
			    cancelled_at = :at,
			    cancellation_reason = 'ADMIN'
			WHERE id = :id
			  AND status = 'PENDING'""";

	private final Inventory inventory;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	StayBookingImports(Inventory inventory, JdbcClient jdbc, TransactionTemplate transactions) {
		this.inventory = inventory;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	Booking importStay(ImportedStayBooking booking) {
		if (booking.status() == null || booking.status() == BookingStatus.PENDING) {
			throw new InvalidParameterException("status", "must be CONFIRMED, COMPLETED or CANCELLED");
		}
		if (booking.checkIn() == null || booking.checkOut() == null || !booking.checkOut().isAfter(booking.checkIn())) {
			throw new InvalidParameterException("checkOut", "must be after checkIn");
		}
		if (booking.guests() < 1) {
			throw new InvalidParameterException("guests", "must be 1 or more");
		}
		if (booking.unitPrice() != null && booking.unitPrice().signum() < 0) {
			throw new InvalidParameterException("unitPrice", "must not be negative");
		}
		return transactions.execute(status -> {
			BookableStay stay = inventory.stayForBooking(booking.stayCode());
			if (booking.guests() > stay.maxGuests()) {
				throw new InvalidParameterException("guests",
						"must be at most " + stay.maxGuests() + " for stay " + stay.code());
			}
			int nights = (int) ChronoUnit.DAYS.between(booking.checkIn(), booking.checkOut());
			BigDecimal unitPrice = booking.unitPrice() != null ? booking.unitPrice() : stay.pricePerNight();
			Instant endsAt = booking.checkOut().atStartOfDay(ZoneOffset.UTC).toInstant();
			Timestamp bookedAt = Timestamp.from(booking.bookedAt());
			UUID id;
			try {
				id = jdbc.sql(INSERT)
					.param("userId", booking.userId())
					.param("stayId", stay.id())
					.param("guests", booking.guests())
					.param("checkIn", java.sql.Date.valueOf(booking.checkIn()))
					.param("checkOut", java.sql.Date.valueOf(booking.checkOut()))
					.param("startsAt", Timestamp.from(booking.checkIn().atStartOfDay(ZoneOffset.UTC).toInstant()))
					.param("endsAt", Timestamp.from(endsAt))
					.param("unitPrice", unitPrice)
					.param("nights", nights)
					.param("totalAmount", unitPrice.multiply(BigDecimal.valueOf(nights)))
					.param("currency", stay.currency())
					.param("bookedAt", bookedAt)
					.query(UUID.class)
					.single();
			}
			catch (DataIntegrityViolationException ex) {
				if (StayTaken.isExclusionViolation(ex)) {
					throw new StayUnavailableException(stay.code(), booking.checkIn(), booking.checkOut(), List.of());
				}
				throw ex;
			}
			// through the state machine's own steps, which the table's triggers guard
			if (booking.status() == BookingStatus.CANCELLED) {
				move(CANCEL, id, bookedAt);
			}
			else {
				move(CONFIRM, id, bookedAt);
				if (booking.status() == BookingStatus.COMPLETED) {
					Instant ended = endsAt.isAfter(booking.bookedAt()) ? endsAt : booking.bookedAt();
					move(COMPLETE, id, Timestamp.from(ended));
				}
			}
			return jdbc.sql(BookingImports.FIND).param("id", id).query(BookingRow::map).single().booking();
		});
	}

	private void move(String transition, UUID id, Timestamp at) {
		if (jdbc.sql(transition).param("id", id).param("at", at).update() != 1) {
			throw new IllegalStateException("Imported booking " + id + " did not take its next status");
		}
	}

}
