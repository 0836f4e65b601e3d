package io.getaways.review;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Trips, stays and bookings for review tests, written as the database superuser: the booking module is not what
 * these tests are about, so bookings are placed and moved PENDING -> CONFIRMED -> COMPLETED (or CANCELLED) by
 * plain UPDATEs that pass 014-bookings' constraints and transition guard, as the booking module's would.
 */
final class ReviewFixtures {

	/** Stay bookings of one stay must not overlap: each takes the next free week. */
	private static final AtomicInteger WEEKS = new AtomicInteger();

	private final String url;

	ReviewFixtures(ApplicationContext context) {
		String appUrl = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		String path = appUrl.substring(appUrl.lastIndexOf('/') + 1);
		int query = path.indexOf('?');
		this.url = TestStores.superuserUrl(context, query < 0 ? path : path.substring(0, query));
	}

	String trip() {
		String code = TestTrips.code();
		sql(db -> db.sql("""
				INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, currency, capacity)
				VALUES (:code, 'Review test trip', 'Test Reef', now() - interval '30 days', 5, 100.00, 'USD', 100)""")
			.param("code", code)
			.update());
		return code;
	}

	String stay() {
		String code = "S" + TestTrips.token(11);
		sql(db -> db.sql("""
				INSERT INTO app.stays (code, name, country, city, price_per_night, currency, max_guests)
				VALUES (:code, 'Review test villa', 'Greece', 'Naxos', 200.00, 'EUR', 6)""")
			.param("code", code)
			.update());
		return code;
	}

	/** A booking of two seats on the trip, moved to the given status. */
	UUID tripBooking(String userId, String tripCode, String status) {
		UUID id = sql(db -> db.sql("""
				INSERT INTO app.bookings (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity,
				                          total_amount, currency, hold_expires_at)
				SELECT :userId, id, 2, departs_at, departs_at + make_interval(days => nights), price_per_person, 2,
				       price_per_person * 2, currency, now() + interval '30 days'
				FROM app.trips
				WHERE code = :code
				RETURNING id""")
			.param("userId", UUID.fromString(userId))
			.param("code", tripCode)
			.query(UUID.class)
			.single());
		moveTo(id, status);
		return id;
	}

	/** A booking of a week of the stay, a week no other booking of this run holds, moved to the given status. */
	UUID stayBooking(String userId, String stayCode, String status) {
		LocalDate checkIn = LocalDate.of(2024, 1, 1).plusWeeks(WEEKS.getAndIncrement());
		UUID id = sql(db -> db.sql("""
				INSERT INTO app.bookings (user_id, stay_id, guests, stay_dates, starts_at, ends_at, unit_price,
				                          quantity, total_amount, currency, hold_expires_at)
				SELECT :userId, id, 2, daterange(:checkIn, :checkOut, '[)'), :checkIn, :checkOut, price_per_night, 7,
				       price_per_night * 7, currency, now() + interval '30 days'
				FROM app.stays
				WHERE code = :code
				RETURNING id""")
			.param("userId", UUID.fromString(userId))
			.param("code", stayCode)
			.param("checkIn", checkIn)
			.param("checkOut", checkIn.plusDays(7))
			.query(UUID.class)
			.single());
		moveTo(id, status);
		return id;
	}

	/** Along the only path the transition guard allows to the status. */
	void moveTo(UUID bookingId, String status) {
		switch (status) {
			case "PENDING" -> {
			}
			case "CONFIRMED" -> confirm(bookingId);
			case "COMPLETED" -> {
				confirm(bookingId);
				update(bookingId, "status = 'COMPLETED', completed_at = now()");
			}
			case "CANCELLED" -> update(bookingId,
					"status = 'CANCELLED', cancelled_at = now(), cancellation_reason = 'CUSTOMER'");
			default -> throw new IllegalArgumentException(status);
		}
	}

	private void confirm(UUID bookingId) {
		update(bookingId, "status = 'CONFIRMED', confirmed_at = now()");
	}

	private void update(UUID bookingId, String assignments) {
		int rows = sql(db -> db.sql("UPDATE app.bookings SET " + assignments + " WHERE id = :id")
			.param("id", bookingId)
			.update());
		if (rows != 1) {
			throw new IllegalStateException("Booking " + bookingId + " not updated");
		}
	}

	record Rating(long sum, int count, BigDecimal average) {
	}

	/** What the rating trigger keeps on a trip ("trips") or a stay ("stays"). */
	Rating rating(String table, String code) {
		String sql = switch (table) {
			case "trips" -> "SELECT rating_sum, review_count, rating_average FROM app.trips WHERE code = :code";
			case "stays" -> "SELECT rating_sum, review_count, rating_average FROM app.stays WHERE code = :code";
			default -> throw new IllegalArgumentException(table);
		};
		return sql(db -> db.sql(sql)
			.param("code", code)
			.query((row, n) -> new Rating(row.getLong(1), row.getInt(2), row.getBigDecimal(3)))
			.single());
	}

	/** The true figures, counted from the reviews themselves. */
	Rating counted(String table, String code) {
		String sql = switch (table) {
			case "trips" -> """
					SELECT coalesce(sum(r.rating), 0), count(r.id), round(avg(r.rating), 2)
					FROM app.trips t LEFT JOIN app.reviews r ON r.trip_id = t.id
					WHERE t.code = :code""";
			case "stays" -> """
					SELECT coalesce(sum(r.rating), 0), count(r.id), round(avg(r.rating), 2)
					FROM app.stays s LEFT JOIN app.reviews r ON r.stay_id = s.id
					WHERE s.code = :code""";
			default -> throw new IllegalArgumentException(table);
		};
		return sql(db -> db.sql(sql)
			.param("code", code)
			.query((row, n) -> new Rating(row.getLong(1), row.getInt(2), row.getBigDecimal(3)))
			.single());
	}

	long reviewsBy(String userId) {
		return sql(db -> db.sql("SELECT count(*) FROM app.reviews WHERE user_id = :userId")
			.param("userId", UUID.fromString(userId))
			.query(Long.class)
			.single());
	}

	<T> T sql(Function<JdbcClient, T> work) {
		try (Connection connection = DriverManager.getConnection(url, TestStores.superuser(), null)) {
			return work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Superuser connection to " + url + " failed", ex);
		}
	}
}
