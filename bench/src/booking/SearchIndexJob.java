package booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * What the search module's listener does for each TripChanged, asynchronously after commit: one transaction as the
 * search-index job that reads the trip's facts, upserts its listing (written only when the facts changed, which a
 * booking's seats always do), reads the listing's content version, and, since the bench's trips have no content
 * document and so stay behind on text, looks their text up in MongoDB once per trip and content version: the service
 * remembers that MongoDB had none (for a minute, or until the content event) and does not ask again.
 */
final class SearchIndexJob {

	static final String LISTING = """
			SELECT 'trip' AS kind, id, code, name, resort AS place, NULL AS country, NULL AS city,
			       price_per_person AS price, currency, status, rating_average, review_count, departs_at AS starts_at,
			       nights, capacity - seats_booked AS seats_left, NULL::integer AS max_guests, content_version,
			       updated_at
			FROM app.trips
			WHERE code = ?""";

	static final String UPSERT_FACTS = """
			INSERT INTO search.listings (kind, code, listing_id, name, place, country, city, price, currency, rating,
			                             review_count, starts_at, nights, seats_left, max_guests, active,
			                             facts_updated_at, config, document, title)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS regconfig), ''::tsvector, '')
			ON CONFLICT ON CONSTRAINT listings_pkey DO UPDATE
			SET listing_id = EXCLUDED.listing_id, name = EXCLUDED.name, place = EXCLUDED.place,
			    country = EXCLUDED.country, city = EXCLUDED.city, price = EXCLUDED.price, currency = EXCLUDED.currency,
			    rating = EXCLUDED.rating, review_count = EXCLUDED.review_count, starts_at = EXCLUDED.starts_at,
			    nights = EXCLUDED.nights, seats_left = EXCLUDED.seats_left, max_guests = EXCLUDED.max_guests,
			    active = EXCLUDED.active, facts_updated_at = EXCLUDED.facts_updated_at, config = EXCLUDED.config
			WHERE search.listings.facts_updated_at IS DISTINCT FROM EXCLUDED.facts_updated_at
			   OR search.listings.config IS DISTINCT FROM EXCLUDED.config""";

	static final String CONTENT_VERSION = """
			SELECT content_version
			FROM search.listings
			WHERE kind = ?
			  AND code = ?""";

	/** Trip and content version whose text MongoDB did not have, remembered as the service's indexer does. */
	private static final Set<String> ABSENT_TEXTS = ConcurrentHashMap.newKeySet();

	private SearchIndexJob() {
	}

	static void run(Database db, Connection tx, MongoDatabase mongo, String code) throws SQLException {
		db.begin(tx, db.jobsRole(), null, "job:search-index");
		long contentVersion;
		try (PreparedStatement listing = tx.prepareStatement(LISTING);
				PreparedStatement upsert = tx.prepareStatement(UPSERT_FACTS)) {
			listing.setString(1, code);
			try (ResultSet row = listing.executeQuery()) {
				row.next();
				contentVersion = row.getLong("content_version");
				upsert.setString(1, "trip");
				upsert.setString(2, code);
				upsert.setLong(3, row.getLong("id"));
				upsert.setString(4, row.getString("name"));
				upsert.setString(5, row.getString("place"));
				upsert.setString(6, null);
				upsert.setString(7, null);
				upsert.setBigDecimal(8, row.getBigDecimal("price"));
				upsert.setString(9, row.getString("currency"));
				upsert.setBigDecimal(10, row.getBigDecimal("rating_average"));
				upsert.setInt(11, row.getInt("review_count"));
				upsert.setTimestamp(12, row.getTimestamp("starts_at"));
				upsert.setInt(13, row.getInt("nights"));
				upsert.setInt(14, row.getInt("seats_left"));
				upsert.setObject(15, null, java.sql.Types.INTEGER);
				upsert.setBoolean(16, "ACTIVE".equals(row.getString("status")));
				upsert.setTimestamp(17, row.getTimestamp("updated_at"));
				upsert.setString(18, "search.english");
			}
			upsert.executeUpdate();
		}
		long held = 0;
		try (PreparedStatement version = tx.prepareStatement(CONTENT_VERSION)) {
			version.setString(1, "trip");
			version.setString(2, code);
			try (ResultSet row = version.executeQuery()) {
				if (row.next()) {
					held = row.getLong(1);
				}
			}
		}
		String absentKey = code + "@" + contentVersion;
		if (held < contentVersion && !ABSENT_TEXTS.contains(absentKey)) {
			boolean found = false;
			for (Document ignored : mongo.getCollection("trip_content").find(Filters.in("_id", List.of(code)))) {
				found = true; // the bench's trips have no content: nothing to apply
			}
			if (!found) {
				ABSENT_TEXTS.add(absentKey);
			}
		}
		tx.commit();
	}
}
