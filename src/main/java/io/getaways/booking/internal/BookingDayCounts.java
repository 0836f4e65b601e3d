package io.getaways.booking.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.getaways.booking.DailyBookings;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.NotAllowedException;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One day's bookings by one range read of {@code bookings_created_idx}, under the admin's
 * role, whose row-level security policy shows every traveller's bookings.
 */
@Service
class BookingDayCounts implements DailyBookings {

	private static final String COUNTS = """
			SELECT count(*) AS made,
			       count(*) FILTER (WHERE confirmed_at IS NOT NULL) AS confirmed
			FROM app.bookings
			WHERE created_at >= :start
			  AND created_at < :end""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	BookingDayCounts(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	@Override
	@Transactional(readOnly = true)
	public BookingDay on(LocalDate day) {
		if (ActorContext.current().role() != Actor.Role.ADMIN) {
			throw new NotAllowedException("Every traveller's bookings are for admins only");
		}
		return metrics.record(Store.POSTGRES, "booking.day-counts",
				() -> jdbc.sql(COUNTS)
					.param("start", OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC))
					.param("end", OffsetDateTime.of(day.plusDays(1).atStartOfDay(), ZoneOffset.UTC))
					.query((row, n) -> new BookingDay(day, row.getLong("made"), row.getLong("confirmed")))
					.single());
	}

}
