package io.getaways.search.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.ListingText;
import io.getaways.catalog.SearchableListing;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes of {@code search.listings}. Every write is idempotent: facts are replaced only
 * when they changed, text only by a newer content version; the table's trigger derives
 * the document and the trigram title.
 */
@Repository
class SearchIndex {

	private static final String UPSERT_FACTS = """
			INSERT INTO search.listings (kind, code, listing_id, name, place, country, city, price, currency, rating,
			                             review_count, starts_at, nights, seats_left, max_guests, active,
			                             facts_updated_at, config, document, title)
			VALUES (:kind, :code, :id, :name, :place, :country, :city, :price, :currency, :rating, :reviewCount,
			        :startsAt, :nights, :seatsLeft, :maxGuests, :active, :updatedAt, CAST(:config AS regconfig),
			        ''::tsvector, '')
			ON CONFLICT ON CONSTRAINT listings_pkey DO UPDATE
			SET listing_id = EXCLUDED.listing_id, name = EXCLUDED.name, place = EXCLUDED.place,
			    country = EXCLUDED.country, city = EXCLUDED.city, price = EXCLUDED.price, currency = EXCLUDED.currency,
			    rating = EXCLUDED.rating, review_count = EXCLUDED.review_count, starts_at = EXCLUDED.starts_at,
			    nights = EXCLUDED.nights, seats_left = EXCLUDED.seats_left, max_guests = EXCLUDED.max_guests,
			    active = EXCLUDED.active, facts_updated_at = EXCLUDED.facts_updated_at, config = EXCLUDED.config
			WHERE search.listings.facts_updated_at IS DISTINCT FROM EXCLUDED.facts_updated_at
			   OR search.listings.config IS DISTINCT FROM EXCLUDED.config""";

	private static final String APPLY_TEXT = """
			UPDATE search.listings
			SET description = :description, highlights = :highlights, content_version = :version
			WHERE kind = :kind
			  AND code = :code
			  AND content_version < :version""";

	private static final String CONTENT_VERSION = """
			SELECT content_version
			FROM search.listings
			WHERE kind = :kind
			  AND code = :code""";

	private static final String DELETE = """
			DELETE FROM search.listings
			WHERE kind = :kind
			  AND code = :code""";

	private static final String USE_CONFIG = """
			UPDATE search.settings
			SET config = CAST(:config AS regconfig)
			WHERE config <> CAST(:config AS regconfig)""";

	private static final String RECONFIGURE = """
			UPDATE search.listings
			SET config = CAST(:config AS regconfig)
			WHERE config <> CAST(:config AS regconfig)""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	SearchIndex(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** How many rows changed: unchanged facts write nothing. */
	int upsertFacts(List<SearchableListing> listings, String config) {
		MapSqlParameterSource[] rows = listings.stream()
			.map(listing -> facts(listing, config))
			.toArray(MapSqlParameterSource[]::new);
		int changed = 0;
		for (int count : batch.batchUpdate(UPSERT_FACTS, rows)) {
			changed += Math.max(count, 0);
		}
		return changed;
	}

	/**
	 * Whether the text was newer than the one held; false too when the row is missing.
	 */
	boolean applyText(String kind, String code, ListingText text) {
		return jdbc.sql(APPLY_TEXT)
			.param("kind", kind)
			.param("code", code)
			.param("description", plain(text.description()))
			.param("highlights", String.join(" · ", text.highlights()))
			.param("version", text.version())
			.update() > 0;
	}

	Optional<Long> contentVersion(String kind, String code) {
		return jdbc.sql(CONTENT_VERSION).param("kind", kind).param("code", code).query(Long.class).optional();
	}

	/** Codes of the kind whose held text is older than the given versions say. */
	List<String> behindOnText(String kind, Map<String, Long> versions) {
		if (versions.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT l.code
				FROM search.listings l
				JOIN unnest(CAST(:codes AS text[]), CAST(:versions AS bigint[])) AS v(code, version)
				  ON v.code = l.code
				WHERE l.kind = :kind
				  AND l.content_version < v.version""")
			.param("kind", kind)
			.param("codes", versions.keySet().toArray(String[]::new))
			.param("versions", versions.keySet().stream().map(versions::get).toArray(Long[]::new))
			.query(String.class)
			.list();
	}

	/**
	 * Codes of the kind whose row is missing, or holds other facts (by the catalog row's
	 * {@code updated_at}) or another configuration: the only ones a backfill must write.
	 */
	List<String> behindOnFacts(String kind, Map<String, Instant> stamps, String config) {
		return jdbc.sql("""
				SELECT v.code
				FROM unnest(CAST(:codes AS text[]), CAST(:stamps AS text[])) AS v(code, stamp)
				LEFT JOIN search.listings l
				  ON l.kind = :kind
				 AND l.code = v.code
				WHERE l.code IS NULL
				   OR l.facts_updated_at IS DISTINCT FROM CAST(v.stamp AS timestamptz)
				   OR l.config <> CAST(:config AS regconfig)""")
			.param("kind", kind)
			.param("codes", stamps.keySet().toArray(String[]::new))
			.param("stamps",
					stamps.keySet().stream().map(code -> String.valueOf(stamps.get(code))).toArray(String[]::new))
			.param("config", config)
			.query(String.class)
			.list();
	}

	void delete(String kind, String code) {
		jdbc.sql(DELETE).param("kind", kind).param("code", code).update();
	}

	boolean configExists(String config) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1
				               FROM pg_catalog.pg_ts_config c
				               JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
				               WHERE n.nspname || '.' || c.cfgname = :config)""")
			.param("config", config)
			.query(Boolean.class)
			.single();
	}

	/** Rows re-derived under the configuration; none when it is already in use. */
	int useConfig(String config) {
		jdbc.sql(USE_CONFIG).param("config", config).update();
		return jdbc.sql(RECONFIGURE).param("config", config).update();
	}

	/**
	 * Markup of rich descriptions is not text: without it, snippets are safe to show
	 * between marks.
	 */
	static String plain(String description) {
		if (description == null) {
			return "";
		}
		return description.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
	}

	private static MapSqlParameterSource facts(SearchableListing listing, String config) {
		return new MapSqlParameterSource().addValue("kind", listing.kind())
			.addValue("code", listing.code())
			.addValue("id", listing.id())
			.addValue("name", listing.name())
			.addValue("place", listing.place())
			.addValue("country", listing.country())
			.addValue("city", listing.city())
			.addValue("price", listing.price())
			.addValue("currency", listing.currency())
			.addValue("rating", listing.ratingAverage())
			.addValue("reviewCount", listing.reviewCount())
			.addValue("startsAt", timestamp(listing.startsAt()))
			.addValue("nights", listing.nights())
			.addValue("seatsLeft", listing.seatsLeft())
			.addValue("maxGuests", listing.maxGuests())
			.addValue("active", listing.status() == ListingStatus.ACTIVE)
			.addValue("updatedAt", timestamp(listing.updatedAt()))
			.addValue("config", config);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
