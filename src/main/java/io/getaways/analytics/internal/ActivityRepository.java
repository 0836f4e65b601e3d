package io.getaways.analytics.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.getaways.catalog.ListingViewed;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import io.getaways.search.SearchPerformed;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Batched inserts of recorded searches and views, as the analytics job. */
class ActivityRepository {

	private static final String INSERT_SEARCH = """
			INSERT INTO analytics.search_events (searched_at, query, kind, hits, user_id)
			VALUES (:at, :query, :kind, :hits, :userId)""";

	private static final String INSERT_VIEW = """
			INSERT INTO analytics.listing_views (viewed_at, kind, code, user_id)
			VALUES (:at, :kind, :code, :userId)""";

	private static final int MAX_QUERY = 200;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final StoreMetrics metrics;

	ActivityRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.metrics = metrics;
	}

	void insert(List<Recorded> batch) {
		List<SqlParameterSource> searches = new ArrayList<>();
		List<SqlParameterSource> views = new ArrayList<>();
		for (Recorded recorded : batch) {
			(recorded.search() ? searches : views).add(recorded.parameters());
		}
		ActorContext.runAs(Actor.job("analytics-record"), () -> metrics.record(Store.POSTGRES, "analytics.record",
				() -> transactions.executeWithoutResult(status -> {
					if (!searches.isEmpty()) {
						jdbc.batchUpdate(INSERT_SEARCH, searches.toArray(SqlParameterSource[]::new));
					}
					if (!views.isEmpty()) {
						jdbc.batchUpdate(INSERT_VIEW, views.toArray(SqlParameterSource[]::new));
					}
				})));
	}

	/** One queued search or view, already in the shape of its row. */
	record Recorded(boolean search, MapSqlParameterSource parameters) {

		static Recorded search(SearchPerformed event) {
			String query = event.query() == null ? "" : event.query().strip();
			return new Recorded(true,
					new MapSqlParameterSource().addValue("at", timestamp(event.at()))
						.addValue("query", query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query)
						.addValue("kind", kind(event.kind()))
						.addValue("hits", Math.max(0, event.hits()))
						.addValue("userId", userId(event.userId())));
		}

		/** Null for a view that names no listing. */
		static Recorded view(ListingViewed event) {
			if (kind(event.kind()) == null || event.code() == null || event.code().isEmpty()
					|| event.code().length() > 20) {
				return null;
			}
			return new Recorded(false,
					new MapSqlParameterSource().addValue("at", timestamp(event.at()))
						.addValue("kind", kind(event.kind()))
						.addValue("code", event.code())
						.addValue("userId", userId(event.userId())));
		}

		private static OffsetDateTime timestamp(Instant at) {
			return (at == null ? Instant.now() : at).atOffset(ZoneOffset.UTC);
		}

		/** Anything but trip or stay is recorded as both (null). */
		private static String kind(String kind) {
			return "trip".equals(kind) || "stay".equals(kind) ? kind : null;
		}

		/** A user id that is not a UUID (an API key's client, say) is not recorded. */
		private static UUID userId(String userId) {
			if (userId == null) {
				return null;
			}
			try {
				return UUID.fromString(userId);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
