package io.getaways.payment.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.getaways.payment.DailyRevenue;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.NotAllowedException;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One day's captures and refunds under the admin's role, whose row-level security policy
 * shows every traveller's payments. Captures are found by {@code payments_created_idx};
 * refunds, far fewer, by a scan.
 */
@Service
class RevenueOfDay implements DailyRevenue {

	private static final String REVENUE = """
			SELECT currency, sum(gross) AS gross, sum(refunded) AS refunded
			FROM (
			  SELECT currency, amount AS gross, 0 AS refunded
			  FROM app.payments
			  WHERE status = 'CAPTURED'
			    AND created_at >= :start
			    AND created_at < :end
			  UNION ALL
			  SELECT currency, 0, amount
			  FROM app.refunds
			  WHERE status = 'SUCCEEDED'
			    AND created_at >= :start
			    AND created_at < :end
			) AS moved
			GROUP BY currency
			ORDER BY currency""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	RevenueOfDay(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CurrencyRevenue> on(LocalDate day) {
		if (ActorContext.current().role() != Actor.Role.ADMIN) {
			throw new NotAllowedException("Every traveller's payments are for admins only");
		}
		return metrics.record(Store.POSTGRES, "payment.day-revenue", () -> jdbc.sql(REVENUE)
			.param("start", OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC))
			.param("end", OffsetDateTime.of(day.plusDays(1).atStartOfDay(), ZoneOffset.UTC))
			.query((row, n) -> new CurrencyRevenue(row.getString("currency"), row.getBigDecimal("gross"),
					row.getBigDecimal("refunded"), row.getBigDecimal("gross").subtract(row.getBigDecimal("refunded"))))
			.list());
	}

}
