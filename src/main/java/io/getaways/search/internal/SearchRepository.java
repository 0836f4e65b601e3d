package io.getaways.search.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import io.getaways.search.internal.SearchResult.Count;
import io.getaways.search.internal.SearchResult.Facets;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of {@code search.listings}: pages, facets and suggestions. */
@Repository
class SearchRepository {

	/**
	 * Each word of the text replaced by the most similar word of the given names and
	 * places, when one is similar enough; words are compared accent- and case-folded.
	 */
	private static final String SUGGEST = """
			SELECT string_agg(coalesce(best.word, w.word), ' ' ORDER BY w.n)
			FROM unnest(regexp_split_to_array(trim(:text), '\\s+')) WITH ORDINALITY AS w(word, n)
			LEFT JOIN LATERAL (
			  SELECT t.word
			  FROM unnest(CAST(:titles AS text[])) AS title(text)
			  CROSS JOIN LATERAL regexp_split_to_table(title.text, '[^[:alnum:]'']+') AS t(word)
			  WHERE t.word <> ''
			    AND similarity(search.fold(w.word), search.fold(t.word)) >= 0.4
			  ORDER BY similarity(search.fold(w.word), search.fold(t.word)) DESC, t.word
			  LIMIT 1
			) best ON true""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	SearchRepository(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/**
	 * Up to {@code size + 1} hits, so that the caller sees whether a next page exists.
	 */
	List<Row> page(SearchSql sql, String headline) {
		String statement = sql.page();
		return metrics.record(Store.POSTGRES, "search.page",
				() -> jdbc.sql(statement).params(sql.params()).param("headline", headline).query(this::row).list());
	}

	Facets facets(SearchSql sql) {
		String statement = sql.facets();
		List<Count> kinds = new ArrayList<>();
		List<Count> countries = new ArrayList<>();
		List<Count> bands = new ArrayList<>();
		metrics.record(Store.POSTGRES, "search.facets",
				() -> jdbc.sql(statement).params(sql.params()).query((RowCallbackHandler) rs -> {
					if (rs.getBoolean("by_kind")) {
						kinds.add(new Count(rs.getString("kind"), rs.getLong("hits")));
					}
					else if (rs.getBoolean("by_country")) {
						countries.add(new Count(rs.getString("country"), rs.getLong("hits")));
					}
					else {
						bands.add(new Count(rs.getString("band"), rs.getLong("hits")));
					}
				}));
		java.util.Comparator<Count> byHits = java.util.Comparator.comparingLong(Count::hits)
			.reversed()
			.thenComparing(Count::value, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
		kinds.sort(byHits);
		countries.sort(byHits);
		bands.sort(byHits);
		return new Facets(kinds, countries, bands);
	}

	/** For the rest of the transaction, the fallback's word similarity threshold. */
	void useFuzzyThreshold(double threshold) {
		jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
			.param("threshold", Double.toString(threshold))
			.query(String.class)
			.single();
	}

	String suggest(String text, List<String> titles) {
		return metrics.record(Store.POSTGRES, "search.suggest",
				() -> jdbc.sql(SUGGEST)
					.param("text", text)
					.param("titles", titles.toArray(String[]::new))
					.query(String.class)
					.optional()
					.orElse(null));
	}

	private Row row(ResultSet rs, int row) throws SQLException {
		Timestamp startsAt = rs.getTimestamp("starts_at");
		SearchHit hit = new SearchHit(rs.getString("kind"), rs.getString("code"), rs.getString("name"),
				rs.getString("place"), rs.getString("country"), rs.getString("city"), rs.getBigDecimal("price"),
				rs.getString("currency"), rs.getBigDecimal("rating"), rs.getInt("review_count"),
				startsAt == null ? null : startsAt.toInstant(), rs.getObject("nights", Integer.class),
				rs.getObject("seats_left", Integer.class), rs.getObject("max_guests", Integer.class),
				rs.getDouble("rank"), rs.getString("snippet"));
		return new Row(hit, rs.getString("sort_text"));
	}

	/** A hit and its sort key as PostgreSQL wrote it, for the cursor. */
	record Row(SearchHit hit, String sortKey) {
	}

}
