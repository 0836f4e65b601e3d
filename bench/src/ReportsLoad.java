import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The generated history for {@link ReportsRefresh}: travellers, trips and stays marked as the benchmark's, then
 * bookings (70% trips, 30% stays, created over the last two years), their outcomes, payments and refunds. Every row
 * passes the tables' checks and guard triggers: stay bookings of one stay are five days apart, so never overlap.
 */
final class ReportsLoad {

	static final int USERS = 5_000;

	static final int TRIPS = 2_000;

	static final int STAYS = 500;

	static final String USERS_SQL = """
			INSERT INTO app.users (email, name, password_hash)
			SELECT 'bench-reports-' || g || '@example.test', 'Bench traveller ' || g, 'not-a-hash'
			FROM generate_series(1, %d) AS g""".formatted(USERS);

	static final String TRIPS_SQL = """
			INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, capacity)
			SELECT 'BRT' || lpad(g::text, 6, '0'), 'Bench trip ' || g, 'Resort ' || (g %% 50),
			       now() - interval '18 months' + (g %% 900) * interval '1 day', 7, 100 + g %% 400, 1000000
			FROM generate_series(1, %d) AS g""".formatted(TRIPS);

	static final String STAYS_SQL = """
			INSERT INTO app.stays (code, name, country, city, price_per_night, max_guests)
			SELECT 'BRS' || lpad(g::text, 6, '0'), 'Bench villa ' || g, 'Country ' || (g %% 30), 'City ' || (g %% 90),
			       80 + g %% 300, 6
			FROM generate_series(1, %d) AS g""".formatted(STAYS);

	static final String TRIP_BOOKINGS = """
			WITH t AS (SELECT array_agg(id ORDER BY id) AS ids FROM app.trips WHERE code LIKE 'BRT%'),
			     u AS (SELECT array_agg(id ORDER BY id) AS ids FROM app.users WHERE email LIKE 'bench-reports-%')
			INSERT INTO app.bookings (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount,
			                          currency, status, hold_expires_at, created_at, updated_at)
			SELECT u.ids[1 + g % cardinality(u.ids)], tr.id, 1 + g % 4, tr.departs_at,
			       tr.departs_at + make_interval(days => tr.nights), tr.price_per_person, 1 + g % 4,
			       tr.price_per_person * (1 + g % 4), tr.currency, 'PENDING', c.at + interval '15 minutes', c.at, c.at
			FROM t
			CROSS JOIN u
			CROSS JOIN generate_series(1, CAST(? AS integer)) AS g
			JOIN app.trips tr ON tr.id = t.ids[1 + CAST((CAST(g AS bigint) * 7919) % cardinality(t.ids) AS integer)]
			CROSS JOIN LATERAL (SELECT now() - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute' AS at) c""";

	static final String STAY_BOOKINGS = """
			WITH s AS (SELECT array_agg(id ORDER BY id) AS ids FROM app.stays WHERE code LIKE 'BRS%'),
			     u AS (SELECT array_agg(id ORDER BY id) AS ids FROM app.users WHERE email LIKE 'bench-reports-%')
			INSERT INTO app.bookings (user_id, stay_id, guests, stay_dates, starts_at, ends_at, unit_price, quantity,
			                          total_amount, currency, status, hold_expires_at, created_at, updated_at)
			SELECT u.ids[1 + g % cardinality(u.ids)], st.id, 2, daterange(d.check_in, d.check_in + d.nights),
			       d.check_in::timestamp AT TIME ZONE 'UTC', (d.check_in + d.nights)::timestamp AT TIME ZONE 'UTC',
			       st.price_per_night, d.nights, st.price_per_night * d.nights, st.currency, 'PENDING',
			       c.at + interval '15 minutes', c.at, c.at
			FROM s
			CROSS JOIN u
			CROSS JOIN generate_series(1, CAST(? AS integer)) AS g
			JOIN app.stays st ON st.id = s.ids[1 + g % cardinality(s.ids)]
			CROSS JOIN LATERAL (SELECT (current_date - 730 + (g / cardinality(s.ids)) * 5) AS check_in,
			                           1 + g % 4 AS nights) d
			CROSS JOIN LATERAL (SELECT least(d.check_in::timestamp AT TIME ZONE 'UTC', now())
			                           - (1 + g % 60) * interval '1 day' AS at) c""";

	/** Each step moves bookings of one bucket (a stable hash of the id) along the state machine. */
	static final String[] OUTCOMES = { """
			UPDATE app.bookings SET status = 'CONFIRMED', confirmed_at = created_at + interval '5 minutes'
			WHERE status = 'PENDING' AND abs(hashtext(id::text)) % 100 < 70""", """
			UPDATE app.bookings SET status = 'COMPLETED', completed_at = ends_at
			WHERE status = 'CONFIRMED' AND abs(hashtext(id::text)) % 100 < 40 AND ends_at < now()""", """
			UPDATE app.bookings
			SET status = 'CANCELLED', cancelled_at = confirmed_at + interval '1 day', cancellation_reason = 'CUSTOMER',
			    refund_amount = round(total_amount / 2, 2)
			WHERE status = 'CONFIRMED' AND abs(hashtext(id::text)) % 100 >= 60""", """
			UPDATE app.bookings
			SET status = 'CANCELLED', cancelled_at = hold_expires_at, cancellation_reason = 'HOLD_EXPIRED'
			WHERE status = 'PENDING' AND abs(hashtext(id::text)) % 100 < 85""", """
			UPDATE app.bookings
			SET status = 'CANCELLED', cancelled_at = created_at + interval '10 minutes', cancellation_reason = 'CUSTOMER'
			WHERE status = 'PENDING' AND abs(hashtext(id::text)) % 100 < 90""" };

	static final String PAYMENTS = """
			INSERT INTO app.payments (booking_id, user_id, amount, currency, status, gateway_reference, refunded_amount,
			                          created_at, updated_at)
			SELECT id, user_id, total_amount, currency, 'CAPTURED', 'bench-' || id, coalesce(refund_amount, 0),
			       confirmed_at, confirmed_at
			FROM app.bookings
			WHERE confirmed_at IS NOT NULL AND total_amount > 0""";

	static final String REFUNDS = """
			INSERT INTO app.refunds (payment_id, booking_id, user_id, amount, currency, status, gateway_reference, reason,
			                         created_at, updated_at)
			SELECT p.id, b.id, b.user_id, b.refund_amount, b.currency, 'SUCCEEDED', 'bench-refund-' || b.id,
			       'cancelled by the traveller', b.cancelled_at, b.cancelled_at
			FROM app.bookings b
			JOIN app.payments p ON p.booking_id = b.id AND p.status = 'CAPTURED'
			WHERE b.refund_amount > 0""";

	private ReportsLoad() {
	}

	static void load(Connection app, String prefix, long bookings) throws SQLException {
		String admin = prefix + "_admin";
		step(app, admin, "travellers", USERS_SQL, -1);
		step(app, admin, "trips", TRIPS_SQL, -1);
		step(app, admin, "stays", STAYS_SQL, -1);
		long trips = bookings * 7 / 10;
		step(app, admin, "trip bookings", TRIP_BOOKINGS, trips);
		step(app, admin, "stay bookings", STAY_BOOKINGS, bookings - trips);
		for (String outcome : OUTCOMES) {
			step(app, admin, "outcomes", outcome, -1);
		}
		step(app, admin, "payments", PAYMENTS, -1);
		step(app, admin, "refunds", REFUNDS, -1);
	}

	private static void step(Connection app, String role, String what, String sql, long rows) throws SQLException {
		long started = System.nanoTime();
		ReportsRefresh.asRole(app, role);
		int changed;
		try (PreparedStatement statement = app.prepareStatement(sql)) {
			if (rows >= 0) {
				statement.setLong(1, rows);
			}
			changed = statement.executeUpdate();
		}
		app.commit();
		System.err.printf("load: %s, %d rows in %d ms%n", what, changed, (System.nanoTime() - started) / 1_000_000);
	}

}
