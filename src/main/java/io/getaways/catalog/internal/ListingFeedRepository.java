package io.getaways.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.getaways.catalog.ListingFeed;
import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.ListingText;
import io.getaways.catalog.SearchableListing;
import io.getaways.catalog.StayContent;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.internal.content.ContentDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Trips and stays for the search index, in code order, facts read straight from
 * PostgreSQL (never from the cache, which may lag) and text from MongoDB.
 */
@Repository
class ListingFeedRepository implements ListingFeed {

	private static final Logger log = LoggerFactory.getLogger(ListingFeedRepository.class);

	private static final String TRIPS = """
			SELECT 'trip' AS kind, id, code, name, resort AS place, NULL AS country, NULL AS city,
			       price_per_person AS price, currency, status, rating_average, review_count, departs_at AS starts_at,
			       nights, capacity - seats_booked AS seats_left, NULL::integer AS max_guests, content_version,
			       updated_at
			FROM app.trips
			""";

	private static final String STAYS = """
			SELECT 'stay' AS kind, id, code, name, city AS place, country, city, price_per_night AS price, currency,
			       status, rating_average, review_count, NULL::timestamptz AS starts_at, NULL::integer AS nights,
			       NULL::integer AS seats_left, max_guests, content_version, updated_at
			FROM app.stays
			""";

	private static final String ONE = """
			WHERE code = :code""";

	private static final String PAGE = """
			WHERE code > :after
			ORDER BY code
			LIMIT :limit""";

	private final JdbcClient jdbc;

	private final ContentDocuments<TripContent> tripContents;

	private final ContentDocuments<StayContent> stayContents;

	ListingFeedRepository(JdbcClient jdbc, ContentDocuments<TripContent> tripContents,
			ContentDocuments<StayContent> stayContents) {
		this.jdbc = jdbc;
		this.tripContents = tripContents;
		this.stayContents = stayContents;
	}

	@Override
	public Optional<SearchableListing> listing(String kind, String code) {
		return jdbc.sql(select(kind) + ONE).param("code", code).query(ListingFeedRepository::map).optional();
	}

	@Override
	public List<SearchableListing> listings(String kind, String afterCode, int limit) {
		return jdbc.sql(select(kind) + PAGE)
			.param("after", afterCode == null ? "" : afterCode)
			.param("limit", limit)
			.query(ListingFeedRepository::map)
			.list();
	}

	@Override
	public Map<String, ListingText> texts(String kind, Collection<String> codes) {
		try {
			return SearchableListing.TRIP.equals(kind) ? texts(tripContents, codes, ListingText::of)
					: texts(stayContents, codes, ListingText::of);
		}
		catch (DataAccessException | com.mongodb.MongoException ex) {
			log.warn("Catalog: {} content unavailable for the search index: {}", kind, ex.getMessage());
			return Map.of();
		}
	}

	private static <C> Map<String, ListingText> texts(ContentDocuments<C> contents, Collection<String> codes,
			Function<C, ListingText> text) {
		return contents.findAll(codes)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> text.apply(entry.getValue())));
	}

	private static String select(String kind) {
		return switch (kind) {
			case SearchableListing.TRIP -> TRIPS;
			case SearchableListing.STAY -> STAYS;
			default -> throw new IllegalArgumentException("Unknown listing kind '" + kind + "'");
		};
	}

	private static SearchableListing map(ResultSet rs, int row) throws SQLException {
		return new SearchableListing(rs.getString("kind"), rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("place"), rs.getString("country"), rs.getString("city"), rs.getBigDecimal("price"),
				rs.getString("currency"), ListingStatus.valueOf(rs.getString("status")),
				rs.getBigDecimal("rating_average"), rs.getInt("review_count"), instant(rs.getTimestamp("starts_at")),
				rs.getObject("nights", Integer.class), rs.getObject("seats_left", Integer.class),
				rs.getObject("max_guests", Integer.class), rs.getLong("content_version"),
				instant(rs.getTimestamp("updated_at")));
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
