package io.getaways.review;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.getaways.identity.Identity;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static io.getaways.support.TestAccounts.userId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What review writes leave behind besides the review: audit entries naming who acted in
 * which request, and a {@link ReviewPosted} event published inside the writing
 * transaction (so that it lands in the outbox with it) for every create, change and
 * delete.
 */
@IntegrationTest
class ReviewAuditIT {

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	Identity identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	record Published(ReviewPosted event, boolean inTransaction) {
	}

	private final List<Published> published = new CopyOnWriteArrayList<>();

	private final ApplicationListener<ApplicationEvent> recorder = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload() instanceof ReviewPosted posted) {
			published.add(new Published(posted, TransactionSynchronizationManager.isActualTransactionActive()));
		}
	};

	HttpApi api;

	TestAccounts accounts;

	TestReviewSubjects fixtures;

	@BeforeEach
	void listen() {
		context.addApplicationListener(recorder);
		api = new HttpApi(port);
		accounts = new TestAccounts(api);
		fixtures = new TestReviewSubjects(context);
	}

	@AfterEach
	void stopListening() {
		context.removeApplicationListener(recorder);
	}

	@Test
	void everyWriteIsAuditedWithItsActorAndRequestAndPublishedInItsTransaction() {
		String trip = fixtures.trip();
		JsonNode author = accounts.newCustomer();
		JsonNode admin = accounts.newUserWithRole(identity, "admin");
		UUID booking = fixtures.tripBooking(userId(author), trip, "COMPLETED");

		String posting = requestId();
		Answer created = send(author, "POST", "/api/v1/reviews",
				json("bookingId", booking.toString(), "rating", 5, "text", "Superb"), posting);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String reviewId = created.json().path("id").asString();
		String changing = requestId();
		assertThat(send(author, "PUT", "/api/v1/reviews/" + reviewId, json("rating", 3), changing).status())
			.isEqualTo(200);
		String moderating = requestId();
		assertThat(send(admin, "DELETE", "/api/v1/reviews/" + reviewId, null, moderating).status()).isEqualTo(204);

		assertThat(entries(posting)).filteredOn(entry -> entry.table().equals("app.reviews"))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.operation()).isEqualTo("INSERT");
				assertThat(entry.recordId()).isEqualTo(reviewId);
				assertThat(entry.actorUserId()).isEqualTo(userId(author));
				assertThat(entry.newRow()).contains("\"rating\": 5", "\"body\": \"Superb\"");
			});
		assertThat(entries(posting)).as("the rating trigger's change of the trip, in the same request")
			.anySatisfy(entry -> assertThat(entry.table()).isEqualTo("app.trips"));
		assertThat(entries(changing)).filteredOn(entry -> entry.table().equals("app.reviews"))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.operation()).isEqualTo("UPDATE");
				assertThat(entry.actorUserId()).isEqualTo(userId(author));
				assertThat(entry.newRow()).contains("\"rating\": 3").doesNotContain("Superb");
			});
		assertThat(entries(moderating)).filteredOn(entry -> entry.table().equals("app.reviews"))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.operation()).isEqualTo("DELETE");
				assertThat(entry.recordId()).isEqualTo(reviewId);
				assertThat(entry.actorUserId()).isEqualTo(userId(admin));
			});

		UUID id = UUID.fromString(reviewId);
		assertThat(published).filteredOn(p -> p.event().reviewId().equals(id))
			.containsExactly(new Published(new ReviewPosted(id, trip, null, 5), true),
					new Published(new ReviewPosted(id, trip, null, 3), true),
					new Published(new ReviewPosted(id, trip, null, 3), true));
	}

	@Test
	void aRefusedWritePublishesNothing() {
		String trip = fixtures.trip();
		JsonNode author = accounts.newCustomer();
		UUID booking = fixtures.tripBooking(userId(author), trip, "CONFIRMED");
		String requestId = requestId();

		Answer refused = send(author, "POST", "/api/v1/reviews", json("bookingId", booking.toString(), "rating", 5),
				requestId);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(published).noneSatisfy(p -> assertThat(p.event().tripCode()).isEqualTo(trip));
		assertThat(entries(requestId)).noneSatisfy(entry -> assertThat(entry.table()).isEqualTo("app.reviews"));
	}

	record Entry(String table, String recordId, String operation, String newRow, String actorUserId) {
	}

	/** Entries of one request, read as the auditor role. */
	private List<Entry> entries(String requestId) {
		Actor auditor = new Actor(Actor.Role.AUDITOR, null, "test:review-audit", null, null, null);
		return ActorContext.callAs(auditor,
				() -> transactions.execute(status -> jdbc.sql("""
						SELECT table_name, record_id, operation, new_row::text AS new_row, actor_user_id
						FROM audit.log
						WHERE request_id = :requestId
						ORDER BY id""")
					.param("requestId", requestId)
					.query((row, n) -> new Entry(row.getString("table_name"), row.getString("record_id"),
							row.getString("operation"), row.getString("new_row"), row.getString("actor_user_id")))
					.list()));
	}

	private Answer send(JsonNode session, String method, String path, String body, String requestId) {
		return api.send(method, path, body == null ? null : "application/json", body, "Authorization",
				"Bearer " + accessToken(session), "X-Request-Id", requestId);
	}

	private static String requestId() {
		return "review-" + UUID.randomUUID();
	}

}
