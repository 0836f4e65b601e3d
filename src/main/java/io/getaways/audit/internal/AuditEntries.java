package io.getaways.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.getaways.audit.AuditEntry;
import io.getaways.audit.AuditQuery;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code audit.log} and records events through {@code audit.record_event}. Every
 * SQL fragment is a constant.
 */
@Repository
class AuditEntries {

	private static final String SELECT = """
			SELECT l.id, l.occurred_at, l.txid::text AS txid, l.table_name, l.record_id, l.operation,
			       l.old_row::text AS old_row, l.new_row::text AS new_row, l.actor_user_id, l.actor, l.client_ip,
			       l.user_agent, l.request_id, encode(l.content_hash, 'hex') AS content_hash,
			       c.log_id IS NOT NULL AS sealed
			FROM audit.log l
			LEFT JOIN audit.chain c ON c.log_id = l.id
			""";

	private static final String PAGE = """
			ORDER BY l.id DESC
			LIMIT :limit OFFSET :offset""";

	private static final String RECORD_EVENT = """
			SELECT audit.record_event(:kind, :recordId, jsonb_object(CAST(:keys AS text[]), CAST(:values AS text[])))""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	AuditEntries(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	List<AuditEntry> find(AuditQuery query) {
		Filter filter = Filter.of(query);
		return metrics.record(Store.POSTGRES, "audit.search",
				() -> jdbc.sql(SELECT + filter.where() + "\n" + PAGE)
					.params(filter.params())
					.param("limit", query.size())
					.param("offset", query.offset())
					.query(AuditEntries::mapEntry)
					.list());
	}

	long count(AuditQuery query) {
		Filter filter = Filter.of(query);
		return metrics.record(Store.POSTGRES, "audit.count",
				() -> jdbc.sql("SELECT count(*) FROM audit.log l\n" + filter.where())
					.params(filter.params())
					.query(Long.class)
					.single());
	}

	long recordEvent(String kind, String recordId, Map<String, String> details) {
		Map<String, String> sorted = new TreeMap<>(details);
		return metrics.record(Store.POSTGRES, "audit.record-event",
				() -> jdbc.sql(RECORD_EVENT)
					.param("kind", kind)
					.param("recordId", recordId)
					.param("keys", sorted.keySet().toArray(String[]::new))
					.param("values", sorted.values().toArray(String[]::new))
					.query(Long.class)
					.single());
	}

	private static AuditEntry mapEntry(ResultSet row, int rowNumber) throws SQLException {
		return new AuditEntry(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				Long.parseLong(row.getString("txid")), row.getString("table_name"), row.getString("record_id"),
				row.getString("operation"), row.getString("old_row"), row.getString("new_row"),
				row.getString("actor_user_id"), row.getString("actor"), row.getString("client_ip"),
				row.getString("user_agent"), row.getString("request_id"), row.getString("content_hash"),
				row.getBoolean("sealed"));
	}

	/** The WHERE clause of a search, assembled from constant fragments. */
	private record Filter(String where, Map<String, Object> params) {

		static Filter of(AuditQuery query) {
			List<String> conditions = new ArrayList<>();
			Map<String, Object> params = new TreeMap<>();
			if (query.table() != null) {
				conditions.add("l.table_name = :table");
				params.put("table", query.table());
			}
			if (query.recordId() != null) {
				conditions.add("l.record_id = :recordId");
				params.put("recordId", query.recordId());
			}
			if (query.userId() != null) {
				conditions.add("l.actor_user_id = :userId");
				params.put("userId", query.userId());
			}
			if (query.from() != null) {
				conditions.add("l.occurred_at >= :from");
				params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
			}
			if (query.to() != null) {
				conditions.add("l.occurred_at < :to");
				params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
			}
			return new Filter(conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions), params);
		}
	}

}
