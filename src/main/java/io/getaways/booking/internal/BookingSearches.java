package io.getaways.booking.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.getaways.booking.BookingQuery;
import io.getaways.booking.BookingStatus;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pages of bookings, newest first; every WHERE clause is assembled from constant
 * fragments.
 */
@Repository
class BookingSearches {

	private static final String ORDER = " ORDER BY b.created_at DESC, b.id DESC LIMIT :limit OFFSET :offset";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	BookingSearches(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	List<BookingRow> page(Filter filter, int size, long offset) {
		return metrics.record(Store.POSTGRES, "booking.search",
				() -> jdbc.sql("SELECT " + BookingRow.COLUMNS + " FROM app.bookings b " + filter.where() + ORDER)
					.params(filter.params())
					.param("limit", size)
					.param("offset", offset)
					.query(BookingRow::map)
					.list());
	}

	long count(Filter filter) {
		return metrics.record(Store.POSTGRES, "booking.count",
				() -> jdbc.sql("SELECT count(*) FROM app.bookings b " + filter.where())
					.params(filter.params())
					.query(Long.class)
					.single());
	}

	record Filter(String where, Map<String, Object> params) {

		static Filter mine(UUID userId, BookingStatus status) {
			return of(new BookingQuery(status, null, null, userId, null, null, 0, 1));
		}

		static Filter of(BookingQuery query) {
			List<String> conditions = new ArrayList<>();
			Map<String, Object> params = new TreeMap<>();
			if (query.userId() != null) {
				conditions.add("b.user_id = :userId");
				params.put("userId", query.userId());
			}
			if (query.status() != null) {
				conditions.add("b.status = :status");
				params.put("status", query.status().name());
			}
			if (query.tripCode() != null) {
				conditions.add("b.trip_id = (SELECT t.id FROM app.trips t WHERE t.code = :tripCode)");
				params.put("tripCode", query.tripCode());
			}
			if (query.stayCode() != null) {
				conditions.add("b.stay_id = (SELECT s.id FROM app.stays s WHERE s.code = :stayCode)");
				params.put("stayCode", query.stayCode());
			}
			if (query.from() != null) {
				conditions.add("b.starts_at >= :startsFrom");
				params.put("startsFrom", startOfDayUtc(query.from()));
			}
			if (query.to() != null) {
				conditions.add("b.starts_at < :startsBefore");
				params.put("startsBefore", startOfDayUtc(query.to().plusDays(1)));
			}
			return new Filter(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params);
		}

		private static Timestamp startOfDayUtc(LocalDate day) {
			return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
		}
	}

}
