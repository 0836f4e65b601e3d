package search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The search the catalog ran before full text, statement for statement: for each of trips and stays the page (first
 * 20, in the list's default order) and the count, with {@code ILIKE '%text%'} over the name and place, in one
 * read-only transaction as the anonymous traveller's role. One call covers both kinds, as one /api/v1/search does.
 */
public final class IlikeBaseline implements Load.Call {

	private static final String TRIP_PAGE = """
			SELECT code, name, resort, departs_at, nights, price_per_person, currency, capacity, seats_booked, status,
			       content_version, rating_average, review_count
			FROM app.trips
			WHERE status = 'ACTIVE' AND (name || ' ' || resort) ILIKE ?
			ORDER BY departs_at, code
			LIMIT 20 OFFSET 0""";

	private static final String TRIP_COUNT = """
			SELECT count(*) FROM app.trips WHERE status = 'ACTIVE' AND (name || ' ' || resort) ILIKE ?""";

	private static final String STAY_PAGE = """
			SELECT code, name, country, city, price_per_night, currency, max_guests, status, content_version,
			       rating_average, review_count
			FROM app.stays s
			WHERE s.status = 'ACTIVE' AND (s.name || ' ' || s.city || ' ' || s.country) ILIKE ?
			ORDER BY s.name, s.code
			LIMIT 20 OFFSET 0""";

	private static final String STAY_COUNT = """
			SELECT count(*) FROM app.stays s
			WHERE s.status = 'ACTIVE' AND (s.name || ' ' || s.city || ' ' || s.country) ILIKE ?""";

	private final Connection connection;

	private final String role;

	private final String[] patterns;

	public IlikeBaseline(String url, String user, String password, String[] texts) throws SQLException {
		this.connection = DriverManager.getConnection(url, user, password);
		this.connection.setAutoCommit(false);
		this.connection.setReadOnly(true);
		this.role = user.substring(0, user.length() - "_app".length()) + "_customer";
		this.patterns = new String[texts.length];
		for (int i = 0; i < texts.length; i++) {
			patterns[i] = "%" + texts[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		}
	}

	@Override
	public void run(int pick) throws SQLException {
		String pattern = patterns[pick];
		try {
			try (PreparedStatement context = connection.prepareStatement("SELECT set_config('role', ?, true)")) {
				context.setString(1, role);
				context.execute();
			}
			for (String sql : new String[] { TRIP_PAGE, TRIP_COUNT, STAY_PAGE, STAY_COUNT }) {
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					statement.setString(1, pattern);
					try (ResultSet rows = statement.executeQuery()) {
						while (rows.next()) {
							rows.getString(1);
						}
					}
				}
			}
		}
		finally {
			connection.rollback();
		}
	}

}
