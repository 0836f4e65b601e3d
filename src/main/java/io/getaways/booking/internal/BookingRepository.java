package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.getaways.booking.BookingStatus;
import io.getaways.booking.CancellationReason;
import io.getaways.booking.StayUnavailableException.DateRange;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bookings in {@code app.bookings}, one booking per statement. Every state change is a
 * conditional update on the expected status whose empty answer the caller turns into a
 * 409; the table's trigger rejects any other move.
 */
@Repository
class BookingRepository {

	private static final String INSERT_TRIP = """
			INSERT INTO app.bookings AS b
			  (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount, currency,
			   hold_expires_at)
			VALUES (:userId, :tripId, :seats, :startsAt, :endsAt, :unitPrice, :seats, :totalAmount, :currency,
			        now() + :holdMs * interval '1 millisecond')
			RETURNING""" + " " + BookingRow.COLUMNS;

	private static final String INSERT_STAY = """
			INSERT INTO app.bookings AS b
			  (user_id, stay_id, guests, stay_dates, starts_at, ends_at, unit_price, quantity, total_amount, currency,
			   hold_expires_at)
			VALUES (:userId, :stayId, :guests, daterange(:checkIn, :checkOut, '[)'), :startsAt, :endsAt, :unitPrice,
			        :nights, :totalAmount, :currency, now() + :holdMs * interval '1 millisecond')
			RETURNING""" + " " + BookingRow.COLUMNS;

	private static final String FIND = "SELECT " + BookingRow.COLUMNS + """

			FROM app.bookings b
			WHERE b.id = :id""";

	private static final String MINE = " AND b.user_id = :userId";

	private static final String LOCK = " FOR UPDATE OF b";

	private static final String CONFIRM = """
			UPDATE app.bookings b
			SET status = 'CONFIRMED', confirmed_at = now()
			WHERE b.id = :id
			  AND b.user_id = :userId
			  AND b.status = 'PENDING'
			  AND b.hold_expires_at > now()
			RETURNING""" + " " + BookingRow.COLUMNS;

	private static final String CANCEL = """
			UPDATE app.bookings b
			SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = :reason, refund_amount = :refund
			WHERE b.id = :id
			  AND b.status = :expected
			RETURNING""" + " " + BookingRow.COLUMNS;

	private static final String OCCUPANCY = """
			SELECT check_in, check_out
			FROM app.stay_occupancy(:stayId, :checkIn, :checkOut)""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	BookingRepository(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	record NewTripBooking(UUID userId, long tripId, int seats, Instant startsAt, Instant endsAt, BigDecimal unitPrice,
			BigDecimal totalAmount, String currency, Duration hold) {
	}

	record NewStayBooking(UUID userId, long stayId, int guests, LocalDate checkIn, LocalDate checkOut, Instant startsAt,
			Instant endsAt, BigDecimal unitPrice, int nights, BigDecimal totalAmount, String currency, Duration hold) {
	}

	BookingRow insert(NewTripBooking booking) {
		return metrics.record(Store.POSTGRES, "booking.insert",
				() -> jdbc.sql(INSERT_TRIP)
					.param("userId", booking.userId())
					.param("tripId", booking.tripId())
					.param("seats", booking.seats())
					.param("startsAt", Timestamp.from(booking.startsAt()))
					.param("endsAt", Timestamp.from(booking.endsAt()))
					.param("unitPrice", booking.unitPrice())
					.param("totalAmount", booking.totalAmount())
					.param("currency", booking.currency())
					.param("holdMs", booking.hold().toMillis())
					.query(BookingRow::map)
					.single());
	}

	/**
	 * Throws a DataAccessException with SQLSTATE 23P01 when another live booking holds
	 * one of the nights.
	 */
	BookingRow insert(NewStayBooking booking) {
		return metrics.record(Store.POSTGRES, "booking.insert",
				() -> jdbc.sql(INSERT_STAY)
					.param("userId", booking.userId())
					.param("stayId", booking.stayId())
					.param("guests", booking.guests())
					.param("checkIn", booking.checkIn())
					.param("checkOut", booking.checkOut())
					.param("startsAt", Timestamp.from(booking.startsAt()))
					.param("endsAt", Timestamp.from(booking.endsAt()))
					.param("unitPrice", booking.unitPrice())
					.param("nights", booking.nights())
					.param("totalAmount", booking.totalAmount())
					.param("currency", booking.currency())
					.param("holdMs", booking.hold().toMillis())
					.query(BookingRow::map)
					.single());
	}

	/**
	 * The booking if it is the user's; row-level security hides others' from travellers
	 * anyway.
	 */
	Optional<BookingRow> findOwn(UUID id, UUID userId) {
		return metrics.record(Store.POSTGRES, "booking.find",
				() -> jdbc.sql(FIND + MINE).param("id", id).param("userId", userId).query(BookingRow::map).optional());
	}

	Optional<BookingRow> findAny(UUID id) {
		return metrics.record(Store.POSTGRES, "booking.find",
				() -> jdbc.sql(FIND).param("id", id).query(BookingRow::map).optional());
	}

	/**
	 * Locks the row until commit, so that payment, cancellation and the jobs take turns
	 * on it.
	 */
	Optional<BookingRow> lockOwn(UUID id, UUID userId) {
		return metrics.record(Store.POSTGRES, "booking.lock",
				() -> jdbc.sql(FIND + MINE + LOCK)
					.param("id", id)
					.param("userId", userId)
					.query(BookingRow::map)
					.optional());
	}

	Optional<BookingRow> lockAny(UUID id) {
		return metrics.record(Store.POSTGRES, "booking.lock",
				() -> jdbc.sql(FIND + LOCK).param("id", id).query(BookingRow::map).optional());
	}

	/**
	 * PENDING -> CONFIRMED while the hold lasts, for its owner only; empty when the
	 * booking is not the user's or not in that state. The update locks the row as
	 * {@link #lockOwn} does, so it takes its turn with a cancellation or a job.
	 */
	Optional<BookingRow> confirm(UUID id, UUID userId) {
		return metrics.record(Store.POSTGRES, "booking.confirm",
				() -> jdbc.sql(CONFIRM).param("id", id).param("userId", userId).query(BookingRow::map).optional());
	}

	/** expected -> CANCELLED; empty when the booking is not in the expected status. */
	Optional<BookingRow> cancel(UUID id, BookingStatus expected, CancellationReason reason, BigDecimal refund) {
		return metrics.record(Store.POSTGRES, "booking.cancel",
				() -> jdbc.sql(CANCEL)
					.param("id", id)
					.param("expected", expected.name())
					.param("reason", reason.name())
					.param("refund", refund, Types.NUMERIC)
					.query(BookingRow::map)
					.optional());
	}

	/**
	 * The nights of the range that live bookings of the stay hold, whoever holds them.
	 */
	List<DateRange> occupancy(long stayId, LocalDate checkIn, LocalDate checkOut) {
		return metrics.record(Store.POSTGRES, "booking.occupancy",
				() -> jdbc.sql(OCCUPANCY)
					.param("stayId", stayId)
					.param("checkIn", checkIn)
					.param("checkOut", checkOut)
					.query((row, n) -> new DateRange(row.getObject("check_in", LocalDate.class),
							row.getObject("check_out", LocalDate.class)))
					.list());
	}

}
