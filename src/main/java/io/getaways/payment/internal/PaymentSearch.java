package io.getaways.payment.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Admin searches of {@code app.payments}, newest first, assembled from constant
 * fragments.
 */
@Repository
class PaymentSearch {

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	PaymentSearch(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	List<PaymentRecord> search(PaymentQuery query) {
		Filter filter = Filter.of(query);
		// the order matches payments_created_idx, so a page is read from the index, not
		// sorted
		return metrics.record(Store.POSTGRES, "payment.search",
				() -> jdbc
					.sql("SELECT " + PaymentRepository.PAYMENT_COLUMNS + " FROM app.payments " + filter.where()
							+ " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
					.params(filter.params())
					.param("limit", query.size())
					.param("offset", query.offset())
					.query(PaymentRepository::mapPayment)
					.list());
	}

	long count(PaymentQuery query) {
		Filter filter = Filter.of(query);
		return metrics.record(Store.POSTGRES, "payment.count",
				() -> jdbc.sql("SELECT count(*) FROM app.payments " + filter.where())
					.params(filter.params())
					.query(Long.class)
					.single());
	}

	private record Filter(String where, Map<String, Object> params) {

		static Filter of(PaymentQuery query) {
			List<String> conditions = new ArrayList<>();
			Map<String, Object> params = new TreeMap<>();
			if (query.bookingId() != null) {
				conditions.add("booking_id = :bookingId");
				params.put("bookingId", query.bookingId());
			}
			if (query.userId() != null) {
				conditions.add("user_id = :userId");
				params.put("userId", query.userId());
			}
			if (query.status() != null) {
				conditions.add("status = :status");
				params.put("status", query.status());
			}
			if (query.from() != null) {
				conditions.add("created_at >= :from");
				params.put("from", Timestamp.from(query.from()));
			}
			if (query.to() != null) {
				conditions.add("created_at < :to");
				params.put("to", Timestamp.from(query.to()));
			}
			return new Filter(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params);
		}
	}

}
