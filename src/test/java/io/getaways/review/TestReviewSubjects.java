package io.getaways.review;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.getaways.booking.BookingStatus;
import io.getaways.support.TestBookings;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a review is about, made for one test: trips and stays to review, the travellers'
 * bookings of them in a given status, and the ratings the triggers keep on them. Trips
 * and stays are written as the database superuser, because the catalog's rules are not
 * what these tests are about; bookings go through the booking module's API
 * ({@link TestBookings}), so the review module meets bookings as the application makes
 * them.
 */
public final class TestReviewSubjects {

	/** Stay bookings of one stay must not overlap: each takes the next free week. */
	private static final AtomicInteger WEEKS = new AtomicInteger();

	private final String url;

	private final TestBookings bookings;

	public TestReviewSubjects(ApplicationContext context) {
		this.url = TestStores.superuserUrl(context);
		this.bookings = new TestBookings(context);
	}

	/**
	 * A trip that departs in a month, so that it can be booked; reviews only ask that the
	 * booking be completed.
	 */
	public String trip() {
		String code = TestTrips.code();
		sql(db -> db.sql("""
				INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, currency, capacity)
				VALUES (:code, 'Review test trip', 'Test Reef', now() + interval '30 days', 5, 100.00, 'USD', 100)""")
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

	/** The traveller's booking of two seats on the trip, moved to the given status. */
	public UUID tripBooking(String userId, String tripCode, String status) {
		UUID traveller = UUID.fromString(userId);
		UUID id = bookings.trip(traveller, tripCode, 2).id();
		bookings.moveTo(traveller, id, BookingStatus.valueOf(status));
		return id;
	}

	/**
	 * The traveller's booking of a week of the stay, a week no other booking of this run
	 * holds, in the status.
	 */
	UUID stayBooking(String userId, String stayCode, String status) {
		UUID traveller = UUID.fromString(userId);
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(7).plusWeeks(WEEKS.getAndIncrement());
		UUID id = bookings.stay(traveller, stayCode, checkIn, checkIn.plusDays(7), 2).id();
		bookings.moveTo(traveller, id, BookingStatus.valueOf(status));
		return id;
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
