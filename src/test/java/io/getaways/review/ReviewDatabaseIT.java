package io.getaways.review;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.getaways.platform.db.DatabaseRoles;
import io.getaways.platform.db.DatabaseSettings;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static io.getaways.support.TestAccounts.userId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's own lines behind the review API, seen from a plain connection of the
 * pool's login role that starts each transaction as the application does: whatever a
 * writer sends, only the traveller of a completed booking reviews it, as themselves, and
 * only the author changes a review. Every transaction here is rolled back.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewDatabaseIT {

	private static final String INSERT = """
			INSERT INTO app.reviews (booking_id, user_id, rating) VALUES (?, ?, 4) RETURNING trip_id""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	DatabaseSettings settings;

	DatabaseRoles roles;

	TestReviewSubjects fixtures;

	String trip;

	String traveller;

	String other;

	JsonNode otherSession;

	@BeforeAll
	void twoTravellersAndATrip() {
		roles = settings.roles();
		fixtures = new TestReviewSubjects(context);
		TestAccounts accounts = new TestAccounts(new HttpApi(port));
		trip = fixtures.trip();
		traveller = userId(accounts.newCustomer());
		otherSession = accounts.newCustomer();
		other = userId(otherSession);
	}

	@Test
	void theTriggerRefusesAReviewOfABookingThatIsNotCompletedWhateverTheWriterSends() throws SQLException {
		for (String status : new String[] { "PENDING", "CONFIRMED", "CANCELLED" }) {
			UUID booking = fixtures.tripBooking(traveller, trip, status);
			assertThat(insertAs(traveller, booking, traveller)).as(status).isEqualTo("23514");
		}
		UUID othersCompleted = fixtures.tripBooking(other, trip, "COMPLETED");
		assertThat(insertAs(traveller, othersCompleted, traveller)).as("someone else's booking").isEqualTo("23514");
		assertThat(insertAs(traveller, othersCompleted, other)).as("posing as its traveller").isEqualTo("42501");
		assertThat(insertAs(null, othersCompleted, other)).as("nobody signed in").isEqualTo("42501");
		assertThat(insertAs(traveller, fixtures.tripBooking(traveller, trip, "COMPLETED"), traveller))
			.as("control: own completed booking")
			.isEqualTo("inserted");
		assertThat(fixtures.reviewsBy(traveller)).as("all rolled back").isZero();
	}

	@Test
	void theTriggerTakesTheTripFromTheBookingNotFromTheWriter() throws SQLException {
		UUID booking = fixtures.tripBooking(traveller, trip, "COMPLETED");
		long bookedTrip = fixtures.sql(db -> db.sql("SELECT id FROM app.trips WHERE code = :code")
			.param("code", trip)
			.query(Long.class)
			.single());
		try (Connection connection = transaction(roles.customer(), traveller);
				PreparedStatement statement = connection.prepareStatement("""
						INSERT INTO app.reviews (booking_id, user_id, trip_id, stay_id, rating)
						VALUES (?, ?, (SELECT min(id) FROM app.trips), NULL, 5) RETURNING trip_id""")) {
			statement.setObject(1, booking);
			statement.setObject(2, UUID.fromString(traveller));
			try (ResultSet row = statement.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getLong(1)).isEqualTo(bookedTrip);
			}
		}
	}

	@Test
	void aTravellerReadsEveryReviewButChangesOnlyTheirOwn() throws SQLException {
		UUID othersReview = postAs(otherSession, fixtures.tripBooking(other, trip, "COMPLETED"));
		try (Connection connection = transaction(roles.customer(), traveller)) {
			assertThat(count(connection, "SELECT count(*) FROM app.reviews WHERE id = ?", othersReview)).isOne();
			assertThat(update(connection, "UPDATE app.reviews SET rating = 1 WHERE id = ?", othersReview)).isZero();
			assertThat(update(connection, "DELETE FROM app.reviews WHERE id = ?", othersReview)).isZero();
		}
		try (Connection connection = transaction(roles.customer(), other)) {
			assertThat(state(
					() -> update(connection, "UPDATE app.reviews SET user_id = user_id WHERE id = ?", othersReview)))
				.as("authorship is not the author's to change")
				.isEqualTo("42501");
		}
		try (Connection connection = transaction(roles.customer(), other)) {
			assertThat(update(connection, "UPDATE app.reviews SET rating = 2 WHERE id = ?", othersReview))
				.as("control: the author")
				.isOne();
		}
		try (Connection connection = transaction(roles.admin(), "")) {
			assertThat(state(() -> update(connection, "UPDATE app.reviews SET rating = 2 WHERE id = ?", othersReview)))
				.as("admins moderate by deleting, never by rewriting")
				.isEqualTo("42501");
		}
	}

	@Test
	void theEligibilityFunctionAnswersOnlyForTheCallersOwnBooking() throws SQLException {
		UUID booking = fixtures.tripBooking(traveller, trip, "CONFIRMED");
		String sql = "SELECT count(*) FROM app.review_eligibility(?) WHERE status = 'CONFIRMED'";
		try (Connection connection = transaction(roles.customer(), traveller)) {
			assertThat(count(connection, sql, booking)).isOne();
		}
		try (Connection connection = transaction(roles.customer(), other)) {
			assertThat(count(connection, sql.replace(" WHERE status = 'CONFIRMED'", ""), booking)).isZero();
		}
		try (Connection connection = transaction(roles.customer(), null)) {
			assertThat(count(connection, sql.replace(" WHERE status = 'CONFIRMED'", ""), booking)).isZero();
		}
	}

	@Test
	void rowLevelSecurityOnReviewsIsForcedAndItsPolicyColumnIndexed() throws SQLException {
		try (Connection connection = transaction(roles.customer(), null);
				ResultSet row = connection.createStatement().executeQuery("""
						SELECT c.relrowsecurity AND c.relforcerowsecurity,
						       EXISTS (SELECT 1 FROM pg_indexes
						               WHERE schemaname = 'app' AND tablename = 'reviews'
						                 AND indexdef LIKE '%(user_id)%')
						FROM pg_class c
						WHERE c.oid = 'app.reviews'::regclass""")) {
			assertThat(row.next()).isTrue();
			assertThat(row.getBoolean(1)).as("enabled and forced").isTrue();
			assertThat(row.getBoolean(2)).as("user_id indexed").isTrue();
		}
	}

	private UUID postAs(JsonNode session, UUID booking) {
		HttpApi.Answer answer = new TestAccounts(new HttpApi(port)).send("POST", "/api/v1/reviews",
				accessToken(session), json("bookingId", booking.toString(), "rating", 3));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return UUID.fromString(answer.json().path("id").asString());
	}

	/** "inserted", or the SQLSTATE of the refusal; rolled back either way. */
	private String insertAs(String contextUser, UUID booking, String author) throws SQLException {
		try (Connection connection = transaction(roles.customer(), contextUser);
				PreparedStatement statement = connection.prepareStatement(INSERT)) {
			statement.setObject(1, booking);
			statement.setObject(2, UUID.fromString(author));
			statement.executeQuery().close();
			return "inserted";
		}
		catch (SQLException ex) {
			return ex.getSQLState();
		}
	}

	@FunctionalInterface
	private interface Statement {

		int run() throws SQLException;

	}

	private static String state(Statement statement) {
		try {
			return "affected " + statement.run();
		}
		catch (SQLException ex) {
			return ex.getSQLState();
		}
	}

	private static long count(Connection connection, String sql, UUID value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, value);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static int update(Connection connection, String sql, UUID value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, value);
			return statement.executeUpdate();
		}
	}

	/**
	 * Begun as the application's transaction manager begins one; closing the connection
	 * rolls it back.
	 */
	private Connection transaction(String role, String userId) throws SQLException {
		Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
				environment.getRequiredProperty("spring.datasource.username"),
				environment.getRequiredProperty("spring.datasource.password"));
		connection.setAutoCommit(false);
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT set_config('role', ?, true), set_config('app.user_id', ?, true)")) {
			statement.setString(1, role);
			statement.setString(2, userId == null ? "" : userId);
			statement.execute();
		}
		return connection;
	}

}
