package io.getaways.catalog.internal.reconcile;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.getaways.catalog.internal.content.ContentKind;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What PostgreSQL knows of content for reconciliation: the content version of every trip
 * and stay row, and the catalog's own content events still kept in the outbox
 * ({@code app.event_publication}), pending or completed within the outbox's retention.
 * Those events are the only copy of content PostgreSQL's side holds.
 */
@Repository
public class ContentVersions {

	/**
	 * An outbox event, as serialized; pending when one of its publications is not
	 * completed yet.
	 */
	record StoredEvent(String serialized, boolean pending) {
	}

	private static final String TRIP_VERSIONS = """
			SELECT code, content_version
			FROM app.trips""";

	private static final String TRIP_VERSIONS_OF = TRIP_VERSIONS + """

			WHERE code IN (:codes)""";

	private static final String STAY_VERSIONS = """
			SELECT code, content_version
			FROM app.stays""";

	private static final String STAY_VERSIONS_OF = STAY_VERSIONS + """

			WHERE code IN (:codes)""";

	/**
	 * One row per event: its publications to several listeners share the serialized text.
	 */
	private static final String EVENTS = """
			SELECT serialized_event, bool_or(completion_date IS NULL) AS pending
			FROM app.event_publication
			WHERE event_type = :eventType
			  AND CAST(serialized_event AS jsonb) ->> 'code' IN (:codes)
			GROUP BY serialized_event""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	ContentVersions(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/**
	 * Code to content version of every row of the kind, or of those with the given codes.
	 */
	Map<String, Long> rows(ContentKind kind, Collection<String> codes) {
		String sql = switch (kind) {
			case TRIP -> codes == null ? TRIP_VERSIONS : TRIP_VERSIONS_OF;
			case STAY -> codes == null ? STAY_VERSIONS : STAY_VERSIONS_OF;
		};
		if (codes != null && codes.isEmpty()) {
			return Map.of();
		}
		JdbcClient.StatementSpec statement = codes == null ? jdbc.sql(sql)
				: jdbc.sql(sql).param("codes", List.copyOf(codes));
		return metrics.record(Store.POSTGRES, "reconcile.versions",
				() -> statement.query((rs, row) -> Map.entry(rs.getString("code"), rs.getLong("content_version")))
					.list()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	/**
	 * The kind's content events in the outbox for the given codes, which must not be
	 * empty.
	 */
	List<StoredEvent> events(ContentKind kind, Collection<String> codes) {
		return metrics.record(Store.POSTGRES, "reconcile.events",
				() -> jdbc.sql(EVENTS)
					.param("eventType", kind.eventType().getName())
					.param("codes", List.copyOf(codes))
					.query((rs, row) -> new StoredEvent(rs.getString("serialized_event"), rs.getBoolean("pending")))
					.list());
	}

}
