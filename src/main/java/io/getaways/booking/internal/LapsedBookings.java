package io.getaways.booking.internal;

import java.util.List;

import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The jobs' batches: holds past their expiry are cancelled, paid bookings past their end
 * completed. Each batch is one statement that picks its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances running the same job split the work
 * instead of waiting for each other, and a booking a traveller is paying or cancelling
 * right now is left alone.
 */
@Repository
class LapsedBookings {

	private static final String EXPIRE = """
			UPDATE app.bookings b
			SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = 'HOLD_EXPIRED'
			FROM (SELECT l.id
			      FROM app.bookings l
			      WHERE l.status = 'PENDING'
			        AND l.hold_expires_at < now()
			        %s
			      ORDER BY l.hold_expires_at
			      LIMIT :limit
			      FOR UPDATE SKIP LOCKED) lapsed
			WHERE b.id = lapsed.id
			  AND b.status = 'PENDING'
			RETURNING""" + " " + BookingRow.COLUMNS;

	private static final String EXPIRE_ALL = EXPIRE.formatted("");

	private static final String EXPIRE_OF_TRIP = EXPIRE
		.formatted("AND l.trip_id = (SELECT t.id FROM app.trips t WHERE t.code = :tripCode)");

	private static final String EXPIRE_OF_STAY = EXPIRE.formatted("AND l.stay_id = :stayId");

	private static final String COMPLETE = """
			UPDATE app.bookings b
			SET status = 'COMPLETED', completed_at = now()
			FROM (SELECT f.id
			      FROM app.bookings f
			      WHERE f.status = 'CONFIRMED'
			        AND f.ends_at < now()
			      ORDER BY f.ends_at
			      LIMIT :limit
			      FOR UPDATE SKIP LOCKED) finished
			WHERE b.id = finished.id
			  AND b.status = 'CONFIRMED'
			RETURNING""" + " " + BookingRow.COLUMNS;

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	LapsedBookings(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	List<BookingRow> expireHolds(int limit) {
		return metrics.record(Store.POSTGRES, "booking.expire-holds",
				() -> jdbc.sql(EXPIRE_ALL).param("limit", limit).query(BookingRow::map).list());
	}

	List<BookingRow> expireHoldsOfTrip(String tripCode, int limit) {
		return metrics.record(Store.POSTGRES, "booking.expire-holds",
				() -> jdbc.sql(EXPIRE_OF_TRIP)
					.param("tripCode", tripCode)
					.param("limit", limit)
					.query(BookingRow::map)
					.list());
	}

	List<BookingRow> expireHoldsOfStay(long stayId, int limit) {
		return metrics.record(Store.POSTGRES, "booking.expire-holds",
				() -> jdbc.sql(EXPIRE_OF_STAY)
					.param("stayId", stayId)
					.param("limit", limit)
					.query(BookingRow::map)
					.list());
	}

	List<BookingRow> completeFinished(int limit) {
		return metrics.record(Store.POSTGRES, "booking.complete",
				() -> jdbc.sql(COMPLETE).param("limit", limit).query(BookingRow::map).list());
	}

}
