package io.getaways.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static io.getaways.support.TestAccounts.userId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviews are published: anyone reads them, and they never tell who wrote them. Only
 * their author changes them; the author or an admin deletes them; someone else's review
 * is "not found" to a traveller who tries.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAccessIT {

	private static final List<String> REVIEW_FIELDS = List.of("id", "tripCode", "stayCode", "rating", "text",
			"createdAt", "updatedAt");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	TestReviewSubjects fixtures;

	TestAccounts accounts;

	HttpApi anonymous;

	@BeforeAll
	void setUp() {
		fixtures = new TestReviewSubjects(context);
		anonymous = new HttpApi(port);
		accounts = new TestAccounts(anonymous);
	}

	@Test
	void anyoneReadsReviewsNewestFirstAndNoneNamesItsAuthor() {
		String trip = fixtures.trip();
		List<JsonNode> authors = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			JsonNode author = accounts.newCustomer();
			authors.add(author);
			ids.add(review(author, fixtures.tripBooking(userId(author), trip, "COMPLETED"), 3 + i).path("id")
				.asString());
		}

		Answer first = anonymous.get("/api/v1/reviews?trip=" + trip.toLowerCase() + "&size=2");
		Answer second = anonymous.get("/api/v1/reviews?trip=" + trip + "&size=2&page=1");

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("tripCode").asString()).isEqualTo(trip);
		assertThat(first.json().path("totalItems").asLong()).isEqualTo(3);
		assertThat(first.json().path("totalPages").asLong()).isEqualTo(2);
		List<String> listed = new ArrayList<>();
		first.json().path("items").forEach(item -> listed.add(item.path("id").asString()));
		second.json().path("items").forEach(item -> listed.add(item.path("id").asString()));
		assertThat(listed).containsExactly(ids.get(2), ids.get(1), ids.get(0));
		first.json()
			.path("items")
			.forEach(item -> assertThat(item.propertyNames()).containsExactlyInAnyOrderElementsOf(REVIEW_FIELDS));
		for (JsonNode author : authors) {
			for (Answer answer : List.of(first, second, anonymous.get("/api/v1/reviews/" + ids.get(0)))) {
				assertThat(answer.body()).doesNotContain(userId(author), author.path("user").path("email").asString());
			}
		}
	}

	@Test
	void theListingNeedsExactlyOneKnownTripOrStay() {
		assertBadParameter(anonymous.get("/api/v1/reviews"), "trip");
		assertBadParameter(anonymous.get("/api/v1/reviews?trip=GALR210214&stay=VILLA1"), "stay");
		assertBadParameter(anonymous.get("/api/v1/reviews?trip=bad-code!"), "trip");
		assertBadParameter(anonymous.get("/api/v1/reviews?trip=GALR210214&size=101"), "size");
		assertBadParameter(anonymous.get("/api/v1/reviews/not-a-uuid"), "id");
		String unknown = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
		Answer notFound = anonymous.get("/api/v1/reviews?trip=" + unknown);
		assertThat(notFound.status()).as(notFound.toString()).isEqualTo(404);
		assertThat(notFound.json().path("detail").asString()).isEqualTo("Trip " + unknown + " not found");
		assertThat(anonymous.get("/api/v1/reviews?stay=" + unknown).json().path("detail").asString())
			.isEqualTo("Stay " + unknown + " not found");
		assertThat(anonymous.get("/api/v1/reviews/" + UUID.randomUUID()).status()).isEqualTo(404);
		Answer empty = anonymous.get("/api/v1/reviews?stay=" + fixtures.stay());
		assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
		assertThat(empty.json().path("reviewCount").asInt()).isZero();
		assertThat(empty.json().path("ratingAverage").isNull()).isTrue();
	}

	@Test
	void onlyTheAuthorChangesAReviewAndTheDatabaseStampsTheChange() {
		String trip = fixtures.trip();
		JsonNode author = accounts.newCustomer();
		JsonNode review = review(author, fixtures.tripBooking(userId(author), trip, "COMPLETED"), 2);
		String path = "/api/v1/reviews/" + review.path("id").asString();
		JsonNode stranger = accounts.newCustomer();
		JsonNode admin = accounts.newUserWithRole(identity, "admin");

		Answer byStranger = accounts.send("PUT", path, accessToken(stranger), json("rating", 5, "text", "Hijacked"));
		assertThat(byStranger.status()).as(byStranger.toString()).isEqualTo(404);
		assertThat(byStranger.json().path("detail").asString())
			.isEqualTo("Review " + review.path("id").asString() + " not found");
		assertThat(accounts.send("PUT", path, accessToken(admin), json("rating", 5)).status()).isEqualTo(403);
		assertThat(anonymous.send("PUT", path, "application/json", json("rating", 5)).status()).isEqualTo(401);
		assertThat(anonymous.get(path).json()).isEqualTo(review);

		Answer byAuthor = accounts.send("PUT", path, accessToken(author), json("rating", 4, "text", " Grew on me "));

		assertThat(byAuthor.status()).as(byAuthor.toString()).isEqualTo(200);
		JsonNode changed = byAuthor.json();
		assertThat(changed.path("rating").asInt()).isEqualTo(4);
		assertThat(changed.path("text").asString()).isEqualTo("Grew on me");
		assertThat(changed.path("createdAt")).isEqualTo(review.path("createdAt"));
		assertThat(Instant.parse(changed.path("updatedAt").asString()))
			.isAfter(Instant.parse(review.path("updatedAt").asString()));
		assertThat(fixtures.rating("trips", trip).sum()).isEqualTo(4);
	}

	@Test
	void aTravellerDeletesOnlyTheirOwnReviewAndAnAdminModeratesAny() {
		String trip = fixtures.trip();
		JsonNode author = accounts.newCustomer();
		JsonNode other = accounts.newCustomer();
		String mine = review(author, fixtures.tripBooking(userId(author), trip, "COMPLETED"), 5).path("id").asString();
		String theirs = review(other, fixtures.tripBooking(userId(other), trip, "COMPLETED"), 1).path("id").asString();
		JsonNode admin = accounts.newUserWithRole(identity, "admin");
		JsonNode auditor = accounts.newUserWithRole(identity, "auditor");

		assertThat(accounts.send("DELETE", "/api/v1/reviews/" + theirs, accessToken(author), null).status())
			.isEqualTo(404);
		assertThat(accounts.send("DELETE", "/api/v1/reviews/" + theirs, accessToken(auditor), null).status())
			.isEqualTo(403);
		assertThat(anonymous.send("DELETE", "/api/v1/reviews/" + theirs, null, null).status()).isEqualTo(401);
		assertThat(anonymous.get("/api/v1/reviews/" + theirs).status()).isEqualTo(200);

		assertThat(accounts.send("DELETE", "/api/v1/reviews/" + theirs, accessToken(admin), null).status())
			.isEqualTo(204);
		assertThat(accounts.send("DELETE", "/api/v1/reviews/" + mine, accessToken(author), null).status())
			.isEqualTo(204);

		assertThat(anonymous.get("/api/v1/reviews/" + theirs).status()).isEqualTo(404);
		assertThat(anonymous.get("/api/v1/reviews/" + mine).status()).isEqualTo(404);
		assertThat(accounts.send("DELETE", "/api/v1/reviews/" + mine, accessToken(author), null).status())
			.isEqualTo(404);
		assertThat(fixtures.rating("trips", trip)).isEqualTo(new TestReviewSubjects.Rating(0, 0, null));
	}

	@Test
	void myReviewsAreMineAloneAndNeedASignedInUser() {
		JsonNode author = accounts.newCustomer();
		JsonNode other = accounts.newCustomer();
		String trip = fixtures.trip();
		String stay = fixtures.stay();
		String tripReview = review(author, fixtures.tripBooking(userId(author), trip, "COMPLETED"), 5).path("id")
			.asString();
		String stayReview = review(author, fixtures.stayBooking(userId(author), stay, "COMPLETED"), 4).path("id")
			.asString();
		review(other, fixtures.tripBooking(userId(other), trip, "COMPLETED"), 3);

		Answer mine = accounts.get("/api/v1/me/reviews", accessToken(author));

		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.json().path("totalItems").asLong()).isEqualTo(2);
		List<String> ids = new ArrayList<>();
		mine.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
		assertThat(ids).containsExactly(stayReview, tripReview);
		assertThat(anonymous.get("/api/v1/me/reviews").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/v1/reviews/mine").status()).as("not a review id").isEqualTo(400);
	}

	@Test
	void anAuditorReadsPublishedReviewsLikeAnyoneElse() {
		String trip = fixtures.trip();
		JsonNode author = accounts.newCustomer();
		review(author, fixtures.tripBooking(userId(author), trip, "COMPLETED"), 5);
		JsonNode auditor = accounts.newUserWithRole(identity, "auditor");

		Answer answer = accounts.get("/api/v1/reviews?trip=" + trip, accessToken(auditor));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().path("items")).hasSize(1);
	}

	@Test
	void everyReviewEndpointIsDocumented() {
		JsonNode docs = anonymous.get("/v3/api-docs").json();
		JsonNode paths = docs.path("paths");

		assertThat(paths.path("/api/v1/reviews").propertyNames()).contains("get", "post");
		assertThat(paths.path("/api/v1/reviews/{id}").propertyNames()).contains("get", "put", "delete");
		assertThat(paths.path("/api/v1/me/reviews").propertyNames()).contains("get");
		assertThat(paths.path("/api/v1/reviews").path("post").path("responses").propertyNames()).contains("201", "400",
				"404", "409");
		JsonNode request = docs.path("components").path("schemas").path("ReviewRequest").path("properties");
		assertThat(request.path("rating").path("type").asString()).isEqualTo("integer");
		assertThat(request.path("rating").path("maximum").asInt()).isEqualTo(5);
		assertThat(request.path("bookingId").path("format").asString()).isEqualTo("uuid");
		assertThat(request.path("text").path("maxLength").asInt()).isEqualTo(2000);
	}

	private JsonNode review(JsonNode author, UUID bookingId, int rating) {
		Answer answer = accounts.send("POST", "/api/v1/reviews", accessToken(author),
				json("bookingId", bookingId.toString(), "rating", rating, "text", "Review " + rating));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json();
	}

	private static void assertBadParameter(Answer answer, String parameter) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors").get(0).path("parameter").asString()).isEqualTo(parameter);
	}

}
