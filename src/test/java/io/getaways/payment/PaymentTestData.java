package io.getaways.payment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.identity.UserAccount;
import io.getaways.platform.Actor;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.springframework.context.ApplicationContext;

/**
 * Users, a trip and bookings for payment tests. Bookings are inserted directly as the database superuser, as a
 * PENDING hold of one seat (what the schema's checks and guard triggers accept), so these tests do not depend on the
 * booking module; the payment module only ever refers to a booking by its id.
 */
public final class PaymentTestData {

	private final Identity identity;
	private final String superuserUrl;
	private final long tripId;

	public PaymentTestData(ApplicationContext context) {
		this.identity = context.getBean(Identity.class);
		String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
		this.superuserUrl = TestStores.superuserUrl(context, database);
		String code = TestTrips.code();
		TestTrips.create(context.getBean(Catalog.class), TestTrips.draft(code, "Payment Test " + code,
				"Ledger Bay", Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), "500.00"));
		this.tripId = queryLong("SELECT id FROM app.trips WHERE code = ?", code);
	}

	public UserAccount newUser(String role) {
		return identity.createUser(TestAccounts.email(), "Payer " + role, TestAccounts.PASSWORD, role);
	}

	/** The actor the application would make of the user's request, as a traveller. */
	public static Actor customer(UserAccount user) {
		return new Actor(Actor.Role.CUSTOMER, user.id().toString(), user.email(), "10.0.0.1", "payment-test",
				UUID.randomUUID().toString());
	}

	public static Actor admin(UserAccount user) {
		return customer(user).as(Actor.Role.ADMIN);
	}

	/**
	 * A PENDING booking of one seat of the test trip, owned by the user, worth the amount in USD. Its seat is not
	 * counted on the trip, so its hold lasts beyond any test run: the hold sweep must never find it expired.
	 */
	public UUID newBooking(UUID userId, BigDecimal amount) {
		try (Connection connection = superuser(); PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO app.bookings (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity,
				  total_amount, currency, hold_expires_at)
				VALUES (?, ?, 1, now() + interval '90 days', now() + interval '95 days', ?, 1, ?, 'USD',
				  now() + interval '30 days')
				RETURNING id""")) {
			insert.setObject(1, userId);
			insert.setLong(2, tripId);
			insert.setBigDecimal(3, amount);
			insert.setBigDecimal(4, amount);
			try (ResultSet row = insert.executeQuery()) {
				row.next();
				return row.getObject(1, UUID.class);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot insert a test booking", ex);
		}
	}

	/** A single number from a query run as superuser, which sees every row whatever row-level security says. */
	public long queryLong(String sql, Object... params) {
		try (Connection connection = superuser(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query failed: " + sql, ex);
		}
	}

	public int update(String sql, Object... params) {
		try (Connection connection = superuser(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Statement failed: " + sql, ex);
		}
	}

	public Connection superuser() throws SQLException {
		return DriverManager.getConnection(superuserUrl, TestStores.superuser(), null);
	}
}
