package io.getaways.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.getaways.booking.BookingStatus;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.review.TestReviewSubjects;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestBookings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static io.getaways.support.TestAccounts.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A traveller's export holds everything every module keeps about them and nothing of
 * anyone else; erasure waits for their trips, then replaces their personal fields while
 * bookings and payments stay; both are in the audit log.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	TestReviewSubjects subjects;

	TestBookings bookings;

	TestAccounts accounts;

	String adminToken;

	@BeforeAll
	void setUp() {
		subjects = new TestReviewSubjects(context);
		bookings = new TestBookings(context);
		accounts = new TestAccounts(new HttpApi(port));
		adminToken = accessToken(accounts.newUserWithRole(identity, "admin"));
	}

	@Test
	void theExportHoldsEveryModulesShareOfMeAndNothingOfOthersAndIsAudited() {
		JsonNode me = accounts.newCustomer();
		JsonNode other = accounts.newCustomer();
		String trip = subjects.trip();
		UUID mine = subjects.tripBooking(userId(me), trip, "COMPLETED");
		UUID theirs = subjects.tripBooking(userId(other), trip, "COMPLETED");
		review(me, mine, "Lovely reef, kind guides");
		accounts.send("PUT", "/api/v1/me/preferences", accessToken(me), "{\"currency\":\"EUR\"}");

		Answer export = accounts.get("/api/v1/me/export", accessToken(me));

		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		assertThat(export.header("Content-Disposition")).startsWith("attachment;").contains(userId(me));
		JsonNode sections = export.json().path("sections");
		assertThat(sections.propertyNames()).containsExactly("account", "bookings", "payments", "reviews",
				"notifications", "activity");
		assertThat(sections.path("account").path("email").asString())
			.isEqualTo(me.path("user").path("email").asString());
		assertThat(sections.path("account").path("preferences").path("currency").asString()).isEqualTo("EUR");
		assertThat(sections.path("bookings").get(0).path("id").asString()).isEqualTo(mine.toString());
		assertThat(sections.path("reviews").get(0).path("body").asString()).isEqualTo("Lovely reef, kind guides");
		assertThat(export.body()).doesNotContain(theirs.toString(), userId(other),
				other.path("user").path("email").asString());
		assertThat(auditEvents(userId(me))).contains("PERSONAL_DATA_EXPORTED");
	}

	@Test
	void erasureWaitsUntilEveryTripIsOverAndChangesNothingMeanwhile() {
		JsonNode me = accounts.newCustomer();
		String trip = subjects.trip();
		subjects.tripBooking(userId(me), trip, "CONFIRMED");

		Answer refused = accounts.send("POST", "/api/v1/me/erasure", accessToken(me),
				json("password", TestAccounts.PASSWORD));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains(trip, "CONFIRMED");
		assertThat(accounts.get("/api/v1/me", accessToken(me)).json().path("email").asString())
			.isEqualTo(me.path("user").path("email").asString());
		assertThat(auditEvents(userId(me))).doesNotContain("PERSONAL_DATA_ERASED");
	}

	@Test
	void erasureReplacesPersonalFieldsKeepsBookingsAndRatingsAndEndsTheAccount() {
		JsonNode me = accounts.newCustomer();
		String email = me.path("user").path("email").asString();
		String trip = subjects.trip();
		UUID booking = bookings.trip(UUID.fromString(userId(me)), trip, 1).id();
		String document = "X" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
		Answer passengers = accounts.send("PUT", "/api/v1/bookings/" + booking + "/passengers", accessToken(me),
				"{\"passengers\":[{\"fullName\":\"Ana Lima\",\"dateOfBirth\":\"1987-03-14\",\"nationality\":\"PT\","
						+ "\"document\":{\"type\":\"PASSPORT\",\"number\":\"" + document
						+ "\",\"issuingCountry\":\"PT\",\"expiry\":\"2036-01-31\"}}]}");
		assertThat(passengers.status()).as(passengers.toString()).isEqualTo(200);
		bookings.moveTo(UUID.fromString(userId(me)), booking, BookingStatus.COMPLETED);
		review(me, booking, "Would travel again");
		JsonNode before = accounts.get("/api/v1/me/export", accessToken(me)).json().path("sections");
		assertThat(before.path("bookings").get(0).path("passengers").path(0).path("document").path("number").asString())
			.as("the export decrypts what is stored about the person: %s", before.path("bookings"))
			.isEqualTo(document);
		accounts.send("PUT", "/api/v1/me/preferences", accessToken(me), "{\"currency\":\"EUR\"}");

		Answer wrongPassword = accounts.send("POST", "/api/v1/me/erasure", accessToken(me),
				json("password", "not my password"));
		assertThat(wrongPassword.status()).as(wrongPassword.toString()).isEqualTo(401);
		Answer noPassword = accounts.send("POST", "/api/v1/me/erasure", accessToken(me), "{}");
		assertThat(noPassword.status()).as(noPassword.toString()).isEqualTo(400);
		assertThat(noPassword.body()).contains("password");
		assertThat(accounts.get("/api/v1/me", accessToken(me)).json().path("email").asString()).isEqualTo(email);

		Answer erased = accounts.send("POST", "/api/v1/me/erasure", accessToken(me),
				json("password", TestAccounts.PASSWORD));

		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		assertThat(erased.json().path("changed").path("reviews").asInt()).isEqualTo(1);
		assertThat(erased.json().path("changed").path("bookings").asInt()).as("one passenger: %s", erased.body())
			.isEqualTo(1);
		assertThat(accounts.get("/api/v1/me", accessToken(me)).status()).as("the token used is revoked").isEqualTo(401);
		assertThat(accounts.login(email, TestAccounts.PASSWORD, TestAccounts.address()).status()).isEqualTo(401);
		JsonNode sections = adminExport(userId(me));
		assertThat(sections.path("account").path("email").asString()).startsWith("erased-").endsWith("@erased.invalid");
		assertThat(sections.path("account").path("name").asString()).isEqualTo("Erased traveller");
		assertThat(sections.path("account").path("status").asString()).isEqualTo("DISABLED");
		assertThat(sections.path("bookings").get(0).path("id").asString()).isEqualTo(booking.toString());
		assertThat(sections.path("bookings").get(0).path("passengers").isEmpty()).as("passengers erased").isTrue();
		assertThat(sections.path("reviews").get(0).path("body").isNull()).isTrue();
		assertThat(sections.path("reviews").get(0).path("rating").asInt()).isEqualTo(4);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(adminExport(userId(me)).path("account").path("preferences").isEmpty())
				.as("preferences in MongoDB go after commit")
				.isTrue());
		assertThat(auditEvents(userId(me))).contains("PERSONAL_DATA_ERASED");

		Answer again = accounts.send("POST", "/api/v1/admin/users/" + userId(me) + "/erasure", adminToken, "{}");
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
	}

	@Test
	void anAdminActsOnBehalfOfAPersonAndOnlyAnAdminMay() {
		JsonNode person = accounts.newCustomer();
		JsonNode traveller = accounts.newCustomer();

		assertThat(accounts.get("/api/v1/admin/users/" + userId(person) + "/export", accessToken(traveller)).status())
			.isEqualTo(403);
		assertThat(accounts
			.send("POST", "/api/v1/admin/users/" + userId(person) + "/erasure", accessToken(traveller), "{}")
			.status()).isEqualTo(403);
		assertThat(accounts.get("/api/v1/admin/users/" + UUID.randomUUID() + "/export", adminToken).status())
			.isEqualTo(404);

		Answer erased = accounts.send("POST", "/api/v1/admin/users/" + userId(person) + "/erasure", adminToken, "{}");

		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		assertThat(adminExport(userId(person)).path("account").path("name").asString()).isEqualTo("Erased traveller");
		assertThat(accounts.get("/api/v1/me", accessToken(traveller)).status()).isEqualTo(200);
	}

	private void review(JsonNode author, UUID bookingId, String text) {
		Answer answer = accounts.send("POST", "/api/v1/reviews", accessToken(author),
				json("bookingId", bookingId.toString(), "rating", 4, "text", text));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
	}

	private JsonNode adminExport(String userId) {
		Answer export = accounts.get("/api/v1/admin/users/" + userId + "/export", adminToken);
		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		return export.json().path("sections");
	}

	/** Event kinds the audit log holds for the user, read under the auditor role. */
	private List<String> auditEvents(String userId) {
		Actor auditor = new Actor(Actor.Role.AUDITOR, null, "test:personal-data", null, null, null);
		return new ArrayList<>(ActorContext.callAs(auditor,
				() -> transactions.execute(status -> jdbc.sql("""
						SELECT operation FROM audit.log
						WHERE table_name = 'events' AND record_id = :id ORDER BY id""")
					.param("id", userId)
					.query(String.class)
					.list())));
	}

}
