package io.getaways.review;

import java.util.UUID;

import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static io.getaways.support.TestAccounts.userId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may review what, over HTTP: only the traveller of a completed booking, once per
 * trip or stay. Every refusal leaves the reviews table as it was.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewEligibilityIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	TestReviewSubjects fixtures;

	TestAccounts accounts;

	String trip;

	JsonNode traveller;

	@BeforeAll
	void setUp() {
		fixtures = new TestReviewSubjects(context);
		accounts = new TestAccounts(new HttpApi(port));
	}

	@BeforeEach
	void freshTravellerAndTrip() {
		trip = fixtures.trip();
		traveller = accounts.newCustomer();
	}

	@Test
	void anUnknownBookingIsNotFound() {
		UUID unknown = UUID.randomUUID();

		Answer answer = post(traveller, unknown, 5, "Lovely");

		assertProblem(answer, 404);
		assertThat(answer.json().path("detail").asString()).isEqualTo("Booking " + unknown + " not found");
		assertNothingWritten();
	}

	@Test
	void someoneElsesCompletedBookingIsAnsweredExactlyLikeAnUnknownOne() {
		JsonNode other = accounts.newCustomer();
		UUID othersBooking = fixtures.tripBooking(userId(other), trip, "COMPLETED");

		Answer answer = post(traveller, othersBooking, 5, "Not my trip");

		assertProblem(answer, 404);
		assertThat(answer.json().path("detail").asString()).isEqualTo("Booking " + othersBooking + " not found");
		assertNothingWritten();
		assertThat(fixtures.reviewsBy(userId(other))).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PENDING", "CONFIRMED", "CANCELLED" })
	void aBookingThatIsNotCompletedIsAConflictNamingItsStatus(String status) {
		UUID booking = fixtures.tripBooking(userId(traveller), trip, status);

		Answer answer = post(traveller, booking, 4, null);

		assertProblem(answer, 409);
		assertThat(answer.json().path("detail").asString())
			.isEqualTo("Booking " + booking + " is " + status + "; only a completed booking can be reviewed");
		assertThat(answer.json().path("bookingStatus").asString()).isEqualTo(status);
		assertNothingWritten();
	}

	@Test
	void aCompletedTripBookingIsReviewedOnceEvenWithAnotherCompletedBookingOfTheSameTrip() {
		UUID first = fixtures.tripBooking(userId(traveller), trip, "COMPLETED");
		UUID second = fixtures.tripBooking(userId(traveller), trip, "COMPLETED");

		Answer created = post(traveller, first, 5, "  Clear water, kind crew.  ");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode review = created.json();
		assertThat(created.header("Location")).isEqualTo("/api/v1/reviews/" + review.path("id").asString());
		assertThat(review.path("tripCode").asString()).isEqualTo(trip);
		assertThat(review.path("stayCode").isNull()).isTrue();
		assertThat(review.path("rating").asInt()).isEqualTo(5);
		assertThat(review.path("text").asString()).as("trimmed").isEqualTo("Clear water, kind crew.");
		Answer read = new HttpApi(port).get(created.header("Location"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(review);

		for (UUID booking : new UUID[] { first, second }) {
			Answer again = post(traveller, booking, 1, "Changed my mind");
			assertProblem(again, 409);
			assertThat(again.json().path("detail").asString())
				.isEqualTo("You have already reviewed trip " + trip + "; change or delete that review instead");
		}
		assertThat(fixtures.reviewsBy(userId(traveller))).isOne();
		assertThat(fixtures.rating("trips", trip)).isEqualTo(new TestReviewSubjects.Rating(5, 1, rating("5.00")));
	}

	@Test
	void aCompletedStayBookingIsReviewedAndNamesTheStay() {
		String stay = fixtures.stay();
		UUID booking = fixtures.stayBooking(userId(traveller), stay, "COMPLETED");

		Answer created = post(traveller, booking, 3, "   ");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("stayCode").asString()).isEqualTo(stay);
		assertThat(created.json().path("tripCode").isNull()).isTrue();
		assertThat(created.json().path("text").isNull()).as("blank text is no text").isTrue();
		assertThat(fixtures.rating("stays", stay)).isEqualTo(new TestReviewSubjects.Rating(3, 1, rating("3.00")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "6", "-1", "\"five\"", "\"5\"", "4.5", "5.0", "true", "null", "99999999999999999999",
			"[5]", "MISSING" })
	void aRatingOtherThanAWholeNumberFromOneToFiveIsRefusedNamingRating(String rating) {
		UUID booking = fixtures.tripBooking(userId(traveller), trip, "COMPLETED");
		String bookingId = "\"" + booking + "\"";
		String body = rating.equals("MISSING") ? "{\"bookingId\": " + bookingId + "}"
				: "{\"bookingId\": " + bookingId + ", \"rating\": " + rating + ", \"text\": \"Fine\"}";

		Answer answer = accounts.send("POST", "/api/v1/reviews", accessToken(traveller), body);

		assertBadParameter(answer, "rating");
		assertNothingWritten();
	}

	@Test
	void textOfMoreThan2000CharactersIsRefusedNamingText() {
		UUID booking = fixtures.tripBooking(userId(traveller), trip, "COMPLETED");

		assertBadParameter(post(traveller, booking, 5, "x".repeat(2001)), "text");
		assertBadParameter(post(traveller, booking, 5, " " + "x".repeat(2001) + " "), "text");
		assertBadParameter(post(traveller, booking, 5, "NUL \u0000 inside"), "text");
		assertBadParameter(accounts.send("POST", "/api/v1/reviews", accessToken(traveller),
				"{\"bookingId\": \"" + booking + "\", \"rating\": 5, \"text\": {\"html\": \"<b>\"}}"), "text");
		assertNothingWritten();
	}

	@Test
	void textOf2000CharactersIsKeptWhateverTheirUtf16Length() {
		UUID booking = fixtures.tripBooking(userId(traveller), trip, "COMPLETED");
		String emoji = "\uD83C\uDF0A".repeat(2000);

		Answer created = post(traveller, booking, 5, emoji);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("text").asString()).isEqualTo(emoji);
	}

	@Test
	void aMissingOrMalformedBookingIdIsRefusedNamingIt() {
		assertBadParameter(accounts.send("POST", "/api/v1/reviews", accessToken(traveller), json("rating", 5)),
				"bookingId");
		assertBadParameter(accounts.send("POST", "/api/v1/reviews", accessToken(traveller),
				json("bookingId", "not-a-uuid", "rating", 5)), "bookingId");
		assertBadParameter(
				accounts.send("POST", "/api/v1/reviews", accessToken(traveller), json("bookingId", 42, "rating", 5)),
				"bookingId");
		assertNothingWritten();
	}

	@Test
	void onlyTravellersReview() {
		UUID booking = fixtures.tripBooking(userId(traveller), trip, "COMPLETED");
		String body = json("bookingId", booking.toString(), "rating", 5);

		Answer anonymous = new HttpApi(port).send("POST", "/api/v1/reviews", "application/json", body);
		assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
		JsonNode admin = accounts.newUserWithRole(identity, "admin");
		Answer byAdmin = accounts.send("POST", "/api/v1/reviews", accessToken(admin), body);
		assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(403);
		JsonNode partner = accounts.newUserWithRole(identity, "partner");
		Answer byPartner = accounts.send("POST", "/api/v1/reviews", accessToken(partner), body);
		assertThat(byPartner.status()).as(byPartner.toString()).isEqualTo(403);
		assertNothingWritten();
	}

	private Answer post(JsonNode session, UUID bookingId, int rating, String text) {
		return accounts.send("POST", "/api/v1/reviews", accessToken(session),
				json("bookingId", bookingId.toString(), "rating", rating, "text", text));
	}

	private void assertNothingWritten() {
		assertThat(fixtures.reviewsBy(userId(traveller))).isZero();
		assertThat(fixtures.rating("trips", trip)).isEqualTo(new TestReviewSubjects.Rating(0, 0, null));
	}

	private static void assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
	}

	private static void assertBadParameter(Answer answer, String parameter) {
		assertProblem(answer, 400);
		assertThat(answer.json().path("errors").get(0).path("parameter").asString()).isEqualTo(parameter);
	}

	private static java.math.BigDecimal rating(String value) {
		return new java.math.BigDecimal(value);
	}

}
