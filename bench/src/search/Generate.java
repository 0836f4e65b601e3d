package search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A large catalog written straight into the service's PostgreSQL as its background-job role would: trips and stays
 * with names, resorts, cities and countries from word lists, and their search rows with descriptions from word
 * lists (content that would otherwise live in MongoDB), stamped so that the service's backfill sees nothing to do.
 * One INSERT ... SELECT generate_series per table; the index's trigger derives every document.
 */
public final class Generate {

	private static final String ADJECTIVES = "ARRAY['Azure','Coral','Golden','Hidden','Jade','Misty','Palm','Sapphire',"
			+ "'Silver','Sunset','Turquoise','Velvet','Amber','Crimson','Emerald','Ivory','Lunar','Opal','Quiet','Wild']";

	private static final String NOUNS = "ARRAY['Atoll','Bay','Cove','Isle','Lagoon','Reef','Shoals','Sound','Strand',"
			+ "'Keys','Harbour','Dunes','Cliffs','Falls','Grove','Haven','Inlet','Marsh','Peak','Ridge','Sands','Springs',"
			+ "'Valley','Woods','Point']";

	private static final String RESORTS = "ARRAY['Emerald Bay, 3 stars','Blue Lagoon, 4 stars','Coral Sands, 5 stars',"
			+ "'Palm Grove, 3 stars','Pearl Harbour Lodge, 4 stars','Driftwood Inn, 2 stars','Sea Breeze, 4 stars',"
			+ "'Mangrove Point, 3 stars','Lighthouse Retreat, 5 stars','Tidewater Suites, 4 stars']";

	private static final String CITIES = "ARRAY['Cancún','Lisbon','Faro','Nadi','Malé','Hvar','Split','Ubud','Phuket',"
			+ "'Stone Town','Oaxaca','Porto','Dubrovnik','Lombok','Krabi','Mombasa','Tulum','Sintra','Zadar','Suva']";

	private static final String COUNTRIES = "ARRAY['Mexico','Portugal','Portugal','Fiji','Maldives','Croatia','Croatia',"
			+ "'Indonesia','Thailand','Tanzania','Mexico','Portugal','Croatia','Indonesia','Thailand','Kenya','Mexico',"
			+ "'Portugal','Croatia','Fiji']";

	private static final String SIGHTS = "ARRAY['white beaches','coral reefs','spice markets','hidden gardens',"
			+ "'mountain trails','old harbours','hot springs','rice terraces','sea caves','lighthouses']";

	private static final String PLEASURES = "ARRAY['sunsets','dolphins','lanterns','street food','waterfalls','vineyards',"
			+ "'snorkelling','sailing','yoga','night markets','whale watching','kayaking']";

	private static final String TRIPS = """
			INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, capacity)
			SELECT 'BT' || lpad(g::text, 8, '0'),
			       (%1$s)[1 + g %% 20] || ' ' || (%2$s)[1 + (g / 20) %% 25],
			       (%3$s)[1 + (g / 7) %% 10],
			       now() + make_interval(days => 14 + g %% 700), 3 + g %% 12, 299 + g %% 3700, 10 + g %% 40
			FROM generate_series(1, ?) AS g""";

	private static final String STAYS = """
			INSERT INTO app.stays (code, name, country, city, price_per_night, max_guests)
			SELECT 'BS' || lpad(g::text, 8, '0'),
			       (%1$s)[1 + g %% 20] || ' ' || (ARRAY['Villa','Lodge','Cabin','Casa','Bungalow','Loft'])[1 + g %% 6]
			       || ' ' || (%2$s)[1 + (g / 20) %% 25],
			       (%4$s)[1 + (g / 3) %% 20], (%3$s)[1 + (g / 3) %% 20], 40 + g %% 900, 1 + g %% 12
			FROM generate_series(1, ?) AS g""";

	/** Search rows of the generated listings, stamped as the indexer would stamp them. */
	private static final String INDEX = """
			INSERT INTO search.listings (kind, code, listing_id, name, place, country, city, price, currency, rating,
			                             review_count, starts_at, nights, seats_left, max_guests, active,
			                             facts_updated_at, content_version, description, highlights, config, document,
			                             title)
			SELECT 'trip', t.code, t.id, t.name, t.resort, NULL, NULL, t.price_per_person, t.currency, t.rating_average,
			       t.review_count, t.departs_at, t.nights, t.capacity - t.seats_booked, NULL, t.status = 'ACTIVE',
			       t.updated_at, t.content_version, %1$s, 'Welcome drink · Airport transfer', s.config, ''::tsvector, ''
			FROM app.trips t CROSS JOIN search.settings s
			WHERE t.code LIKE 'BT%%'
			UNION ALL
			SELECT 'stay', t.code, t.id, t.name, t.city, t.country, t.city, t.price_per_night, t.currency,
			       t.rating_average, t.review_count, NULL, NULL, NULL, t.max_guests, t.status = 'ACTIVE', t.updated_at,
			       t.content_version, %1$s, 'Pool · Breakfast · Wi-Fi', s.config, ''::tsvector, ''
			FROM app.stays t CROSS JOIN search.settings s
			WHERE t.code LIKE 'BS%%'""";

	private static final String DESCRIPTION = "'Days of ' || (" + PLEASURES + ")[1 + t.id % 12] || ' among '"
			+ " || (" + SIGHTS + ")[1 + t.id % 10] || ', evenings of ' || (" + PLEASURES + ")[1 + (t.id / 12) % 12]"
			+ " || ' and ' || (" + SIGHTS + ")[1 + (t.id / 10) % 10] || '.'";

	private Generate() {
	}

	/** Writes {@code rows} listings, half trips and half stays, and indexes them; returns the seconds it took. */
	public static double run(String url, String user, String password, String ownerPassword, int rows)
			throws SQLException {
		String prefix = user.substring(0, user.length() - "_app".length());
		long start = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT set_config('role', '" + prefix + "_jobs', true), "
						+ "set_config('app.actor', 'job:search-bench', true)");
			}
			insert(connection, TRIPS.formatted(ADJECTIVES, NOUNS, RESORTS), rows / 2);
			insert(connection, STAYS.formatted(ADJECTIVES, NOUNS, CITIES, COUNTRIES), rows - rows / 2);
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate(INDEX.formatted(DESCRIPTION));
			}
			connection.commit();
		}
		// only the tables' owner may analyze them; the planner needs the new sizes at once
		try (Connection owner = DriverManager.getConnection(url, prefix + "_owner", ownerPassword);
				Statement statement = owner.createStatement()) {
			statement.execute("ANALYZE app.trips");
			statement.execute("ANALYZE app.stays");
			statement.execute("ANALYZE search.listings");
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static void insert(Connection connection, String sql, int count) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, count);
			statement.executeUpdate();
		}
	}

	/** The words searches are made of, so that queries hit what was generated. */
	public static final String[] QUERY_WORDS = { "azure lagoon", "coral", "golden sands", "hidden cove", "beach villa",
			"lisbon", "cancun", "maldives", "croatia", "reefs", "sunsets dolphins", "\"coral reefs\"", "spice markets",
			"lodge portugal", "waterfalls", "yoga -kayaking", "jade keys", "night markets", "opal haven", "quiet woods",
			"whale watching", "turquoise bay", "tulum", "sea caves", "silver strand", "emerald bay" };

}
