package io.getaways.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

import static io.getaways.booking.TestBookingApi.stayBody;
import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying, refunding by the policy, and Idempotency-Key on the money-moving POSTs, over
 * HTTP.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingPaymentIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	private HttpApi http;

	private TestBookingApi fixtures;

	private TestAccounts accounts;

	@BeforeAll
	void connect() {
		http = new HttpApi(port);
		fixtures = new TestBookingApi(context, http);
		accounts = fixtures.accounts();
	}

	@Test
	void payingCapturesTheTotalOnceAndConfirms() {
		String trip = fixtures.trip(10, "249.99", inDays(60));
		String token = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(token, tripBody(trip, 2));

		Answer paid = fixtures.pay(token, id);

		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		assertThat(paid.json().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(paid.json().path("confirmedAt").isNull()).isFalse();
		JsonNode read = accounts.get("/api/v1/bookings/" + id, token).json();
		assertThat(read.path("payments")).hasSize(1);
		assertThat(read.path("payments").get(0).path("amount").decimalValue()).isEqualByComparingTo("499.98");
		assertThat(read.path("payments").get(0).path("status").asString()).isEqualTo("CAPTURED");
		assertThat(read.path("refunds")).isEmpty();
		Answer again = fixtures.pay(token, id);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("detail").asString()).endsWith("cannot be paid in status CONFIRMED");
		assertThat(payments(id)).isEqualTo(1);
		assertThat(fixtures.seats(trip)[0]).isEqualTo(2);
	}

	@Test
	void cancellingAPaidBookingRefundsByNotice() {
		assertRefund(inDays(45), "100.00", "300.00");
		assertRefund(inDays(10), "100.00", "150.00");
		assertRefund(inDays(3), "100.00", "0.00");
	}

	@Test
	void anAdminRefundsInFullWhateverTheNotice() {
		String trip = fixtures.trip(10, "100.00", inDays(2));
		String token = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(token, tripBody(trip, 1));
		assertThat(fixtures.pay(token, id).status()).isEqualTo(200);
		String admin = accessToken(accounts.newUserWithRole(identity, "admin"));

		Answer cancelled = accounts.send("POST", "/api/v1/admin/bookings/" + id + "/cancel", admin, null);

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().path("refundAmount").decimalValue()).isEqualByComparingTo("100.00");
		JsonNode read = accounts.get("/api/v1/admin/bookings/" + id, admin).json();
		assertThat(read.path("refunds")).hasSize(1);
		assertThat(read.path("payments").get(0).path("refundedAmount").decimalValue()).isEqualByComparingTo("100.00");
	}

	@Test
	void aCancelledStayFreesItsNightsAndAStartedOneCannotBeCancelled() {
		String stay = fixtures.stay(2, "200.00");
		LocalDate in = LocalDate.now(ZoneOffset.UTC).plusDays(50);
		String token = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(token, stayBody(stay, in.toString(), in.plusDays(2).toString(), 2));
		fixtures.pay(token, id);
		Answer cancelled = fixtures.cancel(token, id);
		assertThat(cancelled.json().path("refundAmount").decimalValue()).isEqualByComparingTo("400.00");
		String next = fixtures.bookOk(accessToken(accounts.newCustomer()),
				stayBody(stay, in.toString(), in.plusDays(2).toString(), 1));

		String today = fixtures.bookOk(token, stayBody(stay, LocalDate.now(ZoneOffset.UTC).toString(),
				LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(), 1));
		Answer started = fixtures.cancel(token, today);
		assertThat(started.status()).as(started.toString()).isEqualTo(409);
		assertThat(started.json().path("detail").asString()).contains("can no longer be cancelled");
		assertThat(next).isNotEqualTo(id);
	}

	@Test
	void tenConcurrentPaymentsWithOneKeyChargeOnceAndAnswerAlike() throws Exception {
		String trip = fixtures.trip(10, "120.00", inDays(60));
		JsonNode traveller = accounts.newCustomer();
		String token = accessToken(traveller);
		String id = fixtures.bookOk(token, tripBody(trip, 1));
		String key = "pay-" + UUID.randomUUID();

		List<Answer> answers = concurrently(10, () -> http.send("POST", "/api/v1/bookings/" + id + "/pay", null, null,
				"Authorization", "Bearer " + token, "Idempotency-Key", key));

		for (Answer answer : answers) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.json()).isEqualTo(answers.get(0).json());
		}
		assertThat(answers).filteredOn(answer -> answer.header("Idempotent-Replayed") == null).hasSize(1);
		assertThat(payments(id)).isEqualTo(1);
		assertThat(fixtures.count(
				"SELECT count(DISTINCT serialized_event) FROM app.event_publication WHERE event_type LIKE '%PaymentCaptured'"
						+ " AND serialized_event LIKE ?",
				"%" + id + "%"))
			.as("charges")
			.isEqualTo(1);
		assertThat(fixtures.count(
				"SELECT count(DISTINCT serialized_event) FROM app.event_publication WHERE event_type LIKE '%BookingConfirmed'"
						+ " AND serialized_event LIKE ?",
				"%" + id + "%"))
			.isEqualTo(1);
	}

	@Test
	void aKeyReplaysTheSameBookingAndRefusesAnotherRequest() {
		String trip = fixtures.trip(10, "120.00", inDays(60));
		JsonNode traveller = accounts.newCustomer();
		String token = accessToken(traveller);
		String key = "book-" + UUID.randomUUID();

		Answer first = post("/api/v1/bookings", token, key, tripBody(trip, 2));
		Answer replay = post("/api/v1/bookings", token, key, "{ \"seats\": 2, \"tripCode\": \"" + trip + "\" }");
		Answer other = post("/api/v1/bookings", token, key, tripBody(trip, 3));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.json().path("id")).isEqualTo(first.json().path("id"));
		assertThat(other.status()).as(other.toString()).isEqualTo(422);
		assertThat(fixtures.seats(trip)[0]).isEqualTo(2);
		assertThat(fixtures.count("SELECT count(*) FROM app.bookings WHERE user_id = ?::uuid",
				TestAccounts.userId(traveller)))
			.isEqualTo(1);
		Answer badKey = post("/api/v1/bookings", token, "has space", tripBody(trip, 1));
		assertThat(badKey.status()).isEqualTo(400);
		assertThat(badKey.json().path("errors").get(0).path("parameter").asString()).isEqualTo("Idempotency-Key");
	}

	private void assertRefund(Instant departure, String price, String expectedRefund) {
		String trip = fixtures.trip(10, price, departure);
		String token = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(token, tripBody(trip, 3));
		assertThat(fixtures.pay(token, id).status()).isEqualTo(200);

		Answer cancelled = fixtures.cancel(token, id);

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().path("refundAmount").decimalValue()).as("departing " + departure)
			.isEqualByComparingTo(expectedRefund);
		assertThat(fixtures.seats(trip)[0]).isZero();
		JsonNode read = accounts.get("/api/v1/bookings/" + id, token).json();
		boolean refunded = new java.math.BigDecimal(expectedRefund).signum() > 0;
		assertThat(read.path("refunds")).hasSize(refunded ? 1 : 0);
		List<Map<String, Object>> payment = fixtures
			.rows("SELECT refunded_amount FROM app.payments WHERE booking_id = ?::uuid", id);
		assertThat((java.math.BigDecimal) payment.get(0).get("refunded_amount")).isEqualByComparingTo(expectedRefund);
	}

	private Answer post(String path, String token, String key, String body) {
		return http.send("POST", path, "application/json", body, "Authorization", "Bearer " + token, "Idempotency-Key",
				key);
	}

	private long payments(String bookingId) {
		return fixtures.count("SELECT count(*) FROM app.payments WHERE booking_id = ?::uuid", bookingId);
	}

	private static Instant inDays(int days) {
		return Instant.now().plus(Duration.ofDays(days)).plus(Duration.ofHours(1));
	}

	static <T> List<T> concurrently(int clients, Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Callable<T>> calls = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				calls.add(call);
			}
			List<T> results = new ArrayList<>();
			for (Future<T> result : pool.invokeAll(calls)) {
				results.add(result.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
