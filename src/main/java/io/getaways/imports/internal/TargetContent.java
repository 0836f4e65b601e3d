package io.getaways.imports.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows an import wrote or found, read back from PostgreSQL by their natural keys in
 * the batch's transaction (as the import's actor, inside row-level security): the target
 * side of the report's checksums. Each query gives per key the fields in the order and
 * form the target's {@code canonical} joins them; content kept in MongoDB (description,
 * image) is not part of that form.
 */
@Repository
class TargetContent {

	private static final String USERS = """
			SELECT lower(email::text) AS key, lower(email::text) AS email, name
			FROM app.users
			WHERE lower(email::text) = ANY (:keys)""";

	private static final String TRIPS = """
			SELECT code AS key, code, name, resort, departs_at, nights, price_per_person, currency, capacity
			FROM app.trips
			WHERE code = ANY (:keys)""";

	private static final String BOOKINGS = """
			SELECT r.source_key AS key, lower(u.email::text) AS email, t.code, b.seats, b.unit_price, b.status,
			       b.created_at
			FROM app.import_references r
			JOIN app.bookings b ON b.id = r.target_id
			JOIN app.users u ON u.id = b.user_id
			JOIN app.trips t ON t.id = b.trip_id
			WHERE r.entity = 'bookings'
			  AND r.source_key = ANY (:keys)""";

	private final JdbcClient jdbc;

	TargetContent(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Per key: email, name. */
	Map<String, String[]> users(Collection<String> keys) {
		return read(USERS, keys, row -> new String[] { row.getString("email"), row.getString("name") });
	}

	/** Per code: code, name, resort, departure, nights, price, currency, capacity. */
	Map<String, String[]> trips(Collection<String> keys) {
		return read(TRIPS, keys,
				row -> new String[] { row.getString("code"), row.getString("name"), row.getString("resort"),
						instant(row, "departs_at"), Integer.toString(row.getInt("nights")),
						decimal(row.getBigDecimal("price_per_person")), row.getString("currency"),
						Integer.toString(row.getInt("capacity")) });
	}

	/** Per reference: email, trip code, seats, unit price, status, booked at. */
	Map<String, String[]> tripBookings(Collection<String> keys) {
		return read(BOOKINGS, keys,
				row -> new String[] { row.getString("email"), row.getString("code"),
						Integer.toString(row.getInt("seats")), decimal(row.getBigDecimal("unit_price")),
						row.getString("status"), instant(row, "created_at") });
	}

	/** The canonical text of an amount, on both sides. */
	static String decimal(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}

	/** The canonical text of a time, on both sides: PostgreSQL keeps microseconds. */
	static String instant(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).toString();
	}

	private static String instant(ResultSet row, String column) throws SQLException {
		return instant(row.getTimestamp(column).toInstant());
	}

	private Map<String, String[]> read(String sql, Collection<String> keys, Fields fields) {
		Map<String, String[]> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		jdbc.sql(sql).param("keys", keys.toArray(String[]::new)).query(row -> {
			found.put(row.getString("key"), fields.of(row));
		});
		return found;
	}

	private interface Fields {

		String[] of(ResultSet row) throws SQLException;

	}

}
