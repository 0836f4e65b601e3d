package io.getaways.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import io.getaways.support.TestBookings;
import io.getaways.support.TestStores;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Rows the catalog tests need that other modules will own, written as the server's
 * superuser: bookings (the booking module is built apart from this one) and ratings (kept
 * by review triggers). Every write still meets the tables' constraints and guard
 * triggers: a booking starts PENDING and moves only along its allowed transitions.
 */
public final class Superuser implements AutoCloseable {

	private static final String BOOK_SEATS = """
			INSERT INTO app.bookings (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount,
			                          currency, hold_expires_at)
			SELECT :userId, t.id, :seats, t.departs_at, t.departs_at + make_interval(days => t.nights),
			       t.price_per_person, :seats, t.price_per_person * :seats, t.currency, now() + interval '30 days'
			FROM app.trips t
			WHERE t.code = :code
			RETURNING id""";

	private final SingleConnectionDataSource dataSource;

	private final JdbcClient jdbc;

	private final TestBookings bookings;

	public Superuser(ApplicationContext context) throws SQLException {
		String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		Connection connection = DriverManager.getConnection(TestStores.superuserUrl(context, database),
				TestStores.superuser(), null);
		this.dataSource = new SingleConnectionDataSource(connection, true);
		this.jdbc = JdbcClient.create(dataSource);
		this.bookings = new TestBookings(context);
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

	/**
	 * A PENDING booking of the stay for [checkIn, checkOut), placed through the booking
	 * module's API.
	 */
	UUID bookStay(String code, UUID userId, LocalDate checkIn, LocalDate checkOut) {
		return bookings.stay(userId, code, checkIn, checkOut, 2).id();
	}

	/**
	 * A PENDING booking of seats on the trip, with the seats taken from it as the booking
	 * module does, but without the booking module: it publishes no TripChanged, which is
	 * the point for a test that shows a cached page staying until that event arrives
	 * (SearchPageCacheIT publishes it itself).
	 */
	UUID bookSeats(String code, UUID userId, int seats) {
		UUID id = jdbc.sql(BOOK_SEATS)
			.param("userId", userId)
			.param("seats", seats)
			.param("code", code)
			.query(UUID.class)
			.single();
		int taken = jdbc.sql("UPDATE app.trips SET seats_booked = seats_booked + :seats WHERE code = :code")
			.param("seats", seats)
			.param("code", code)
			.update();
		if (taken != 1) {
			throw new IllegalStateException("No trip " + code);
		}
		return id;
	}

	void confirm(UUID bookingId) {
		jdbc.sql("UPDATE app.bookings SET status = 'CONFIRMED', confirmed_at = now() WHERE id = :id")
			.param("id", bookingId)
			.update();
	}

	void cancel(UUID bookingId) {
		jdbc.sql("""
				UPDATE app.bookings
				SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = 'ADMIN'
				WHERE id = :id""").param("id", bookingId).update();
	}

	/**
	 * Stands in for the review triggers: a rating sum and count as reviews would leave
	 * them.
	 */
	void rate(String stayCode, int ratingSum, int reviewCount) {
		jdbc.sql("UPDATE app.stays SET rating_sum = :sum, review_count = :count WHERE code = :code")
			.param("sum", ratingSum)
			.param("count", reviewCount)
			.param("code", stayCode)
			.update();
	}

	@Override
	public void close() {
		dataSource.destroy();
	}

}
