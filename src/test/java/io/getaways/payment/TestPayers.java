package io.getaways.payment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripDraft;
import io.getaways.identity.Identity;
import io.getaways.identity.UserAccount;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestBookings;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Travellers who pay, made for one test, and bookings for them to pay: placed through the
 * booking module's API ({@link TestBookings}), one seat of a trip priced at the amount
 * wanted, and left PENDING, since the payment module is called here directly and only
 * ever refers to a booking by its id. Plus the superuser's view of the ledger.
 */
public final class TestPayers {

	private final Catalog catalog;

	private final TransactionTemplate transactions;

	private final Identity identity;

	private final TestBookings bookings;

	private final String superuserUrl;

	private final Map<BigDecimal, String> tripsByPrice = new ConcurrentHashMap<>();

	public TestPayers(ApplicationContext context) {
		this.catalog = context.getBean(Catalog.class);
		this.transactions = context.getBean(TransactionTemplate.class);
		this.identity = context.getBean(Identity.class);
		this.bookings = new TestBookings(context);
		this.superuserUrl = TestStores.superuserUrl(context);
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

	/** The work in a transaction of its own, acting as the user would as a traveller. */
	public <T> T inTransaction(UserAccount user, Supplier<T> work) {
		return ActorContext.callAs(customer(user), () -> transactions.execute(status -> work.get()));
	}

	/**
	 * The work acting as the user would as a traveller, in whatever transactions it opens
	 * itself.
	 */
	public static <T> T as(UserAccount user, Supplier<T> work) {
		return ActorContext.callAs(customer(user), work);
	}

	/** A PENDING booking of one seat, owned by the user, worth the amount in USD. */
	public UUID newBooking(UUID userId, BigDecimal amount) {
		return bookings.trip(userId, tripPriced(amount), 1).id();
	}

	/**
	 * A trip whose seat costs the amount, made once per amount and shared by this
	 * fixture's bookings.
	 */
	private String tripPriced(BigDecimal amount) {
		return tripsByPrice.computeIfAbsent(amount.setScale(2), price -> {
			String code = TestTrips.code();
			TestTrips.create(catalog,
					new TripDraft(code, "Payment Test " + code, "Ledger Bay",
							Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), 5, price, "USD", 500,
							TestTrips.content(1, "<p>Payment test</p>", code.toLowerCase() + ".jpg")));
			return code;
		});
	}

	/**
	 * A single number from a query run as superuser, which sees every row whatever
	 * row-level security says.
	 */
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

	/**
	 * Publications in the outbox of the payment event type (PaymentCaptured,
	 * RefundIssued) that name the id.
	 */
	public long published(String eventName, UUID id) {
		return queryLong("""
				SELECT count(*) FROM app.event_publication
				WHERE event_type = ? AND serialized_event LIKE '%' || ? || '%'""", "io.getaways.payment." + eventName,
				id.toString());
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
