package io.getaways.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.getaways.review.TestReviewSubjects.Rating;
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
 * The rating the trigger keeps on trips and stays follows every review change, and stays
 * exact when many travellers review one trip at the same moment. Each figure is checked
 * against the reviews themselves.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewRatingsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestReviewSubjects fixtures;

	TestAccounts accounts;

	HttpApi api;

	@BeforeAll
	void setUp() {
		fixtures = new TestReviewSubjects(context);
		api = new HttpApi(port);
		accounts = new TestAccounts(api);
	}

	@Test
	void aTripsRatingFollowsCreateUpdateAndDelete() {
		String trip = fixtures.trip();
		List<JsonNode> travellers = List.of(accounts.newCustomer(), accounts.newCustomer(), accounts.newCustomer());
		List<String> reviewIds = new ArrayList<>();
		int[] ratings = { 5, 4, 2 };
		for (int i = 0; i < ratings.length; i++) {
			UUID booking = fixtures.tripBooking(userId(travellers.get(i)), trip, "COMPLETED");
			reviewIds.add(created(post(travellers.get(i), booking, ratings[i])).path("id").asString());
		}
		assertRating("trips", trip, 11, 3, "3.67");
		assertListing("trip", trip, 3, "3.67");

		Answer changed = accounts.send("PUT", "/api/v1/reviews/" + reviewIds.get(2), accessToken(travellers.get(2)),
				json("rating", 5, "text", "Better on reflection"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertRating("trips", trip, 14, 3, "4.67");

		Answer textOnly = accounts.send("PUT", "/api/v1/reviews/" + reviewIds.get(1), accessToken(travellers.get(1)),
				json("rating", 4, "text", "Same stars, new words"));
		assertThat(textOnly.status()).as(textOnly.toString()).isEqualTo(200);
		assertRating("trips", trip, 14, 3, "4.67");

		Answer deleted = accounts.send("DELETE", "/api/v1/reviews/" + reviewIds.get(0), accessToken(travellers.get(0)),
				null);
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertRating("trips", trip, 9, 2, "4.50");
		assertListing("trip", trip, 2, "4.50");
	}

	@Test
	void aStaysRatingFollowsCreateUpdateAndDelete() {
		String stay = fixtures.stay();
		JsonNode first = accounts.newCustomer();
		JsonNode second = accounts.newCustomer();
		String firstReview = created(post(first, fixtures.stayBooking(userId(first), stay, "COMPLETED"), 1)).path("id")
			.asString();
		created(post(second, fixtures.stayBooking(userId(second), stay, "COMPLETED"), 4));
		assertRating("stays", stay, 5, 2, "2.50");
		assertListing("stay", stay, 2, "2.50");

		assertThat(
				accounts.send("PUT", "/api/v1/reviews/" + firstReview, accessToken(first), json("rating", 3)).status())
			.isEqualTo(200);
		assertRating("stays", stay, 7, 2, "3.50");

		assertThat(accounts.send("DELETE", "/api/v1/reviews/" + firstReview, accessToken(first), null).status())
			.isEqualTo(204);
		assertRating("stays", stay, 4, 1, "4.00");
	}

	@Test
	void twentyTravellersReviewingOneTripAtOnceAreAllCounted() throws Exception {
		String trip = fixtures.trip();
		int travellers = 20;
		List<JsonNode> sessions = new ArrayList<>();
		List<UUID> bookings = new ArrayList<>();
		for (int i = 0; i < travellers; i++) {
			JsonNode session = accounts.newCustomer();
			sessions.add(session);
			bookings.add(fixtures.tripBooking(userId(session), trip, "COMPLETED"));
		}
		List<Callable<Answer>> posts = new ArrayList<>();
		long expectedSum = 0;
		for (int i = 0; i < travellers; i++) {
			int rating = 1 + i % 5;
			expectedSum += rating;
			JsonNode session = sessions.get(i);
			UUID booking = bookings.get(i);
			posts.add(() -> post(session, booking, rating));
		}

		List<Answer> answers = allAtOnce(posts);

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
		String average = BigDecimal.valueOf(expectedSum)
			.divide(BigDecimal.valueOf(travellers), 2, RoundingMode.HALF_UP)
			.toPlainString();
		assertRating("trips", trip, expectedSum, travellers, average);
		assertListing("trip", trip, travellers, average);
	}

	@Test
	void oneTravellerPostingForSeveralBookingsOfOneTripAtOnceGetsExactlyOneReview() throws Exception {
		String trip = fixtures.trip();
		JsonNode traveller = accounts.newCustomer();
		List<Callable<Answer>> posts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			UUID booking = fixtures.tripBooking(userId(traveller), trip, "COMPLETED");
			posts.add(() -> post(traveller, booking, 4));
		}

		List<Answer> answers = allAtOnce(posts);

		assertThat(answers).extracting(Answer::status)
			.containsOnly(201, 409)
			.filteredOn(status -> status == 201)
			.hasSize(1);
		assertThat(answers).filteredOn(answer -> answer.status() == 409)
			.allSatisfy(answer -> assertThat(answer.json().path("detail").asString())
				.startsWith("You have already reviewed trip " + trip));
		assertThat(fixtures.reviewsBy(userId(traveller))).isOne();
		assertRating("trips", trip, 4, 1, "4.00");
	}

	private Answer post(JsonNode session, UUID bookingId, int rating) {
		return accounts.send("POST", "/api/v1/reviews", accessToken(session),
				json("bookingId", bookingId.toString(), "rating", rating));
	}

	private static JsonNode created(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json();
	}

	/**
	 * The kept figures equal both the expected ones and those counted from the reviews.
	 */
	private void assertRating(String table, String code, long sum, int count, String average) {
		Rating expected = new Rating(sum, count, new BigDecimal(average));
		assertThat(fixtures.rating(table, code)).isEqualTo(expected);
		assertThat(fixtures.counted(table, code)).isEqualTo(expected);
	}

	private void assertListing(String parameter, String code, int count, String average) {
		Answer listing = api.get("/api/v1/reviews?" + parameter + "=" + code + "&size=100");
		assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
		JsonNode body = listing.json();
		assertThat(body.path("reviewCount").asInt()).isEqualTo(count);
		assertThat(body.path("totalItems").asLong()).isEqualTo(count);
		assertThat(body.path("items")).hasSize(count);
		assertThat(body.path("ratingAverage").decimalValue()).isEqualByComparingTo(average);
	}

	/**
	 * Starts every call at the same moment on a thread of its own and waits for all
	 * answers.
	 */
	private static List<Answer> allAtOnce(List<Callable<Answer>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Answer>> futures = new ArrayList<>();
			for (Callable<Answer> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Answer> answers = new ArrayList<>();
			for (Future<Answer> future : futures) {
				answers.add(future.get(60, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
