package io.getaways.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripDraft;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.booking.BookingFixtures.stayBody;
import static io.getaways.booking.BookingFixtures.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Placing, reading and cancelling bookings over HTTP, one traveller at a time. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingApiIT {

	private static final Instant FAR = Instant.now().plus(Duration.ofDays(120)).truncatedTo(ChronoUnit.SECONDS);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Catalog catalog;

	@Autowired
	Identity identity;

	private BookingFixtures fixtures;
	private TestAccounts accounts;

	@BeforeAll
	void connect() {
		fixtures = new BookingFixtures(context, new HttpApi(port));
		accounts = fixtures.accounts();
	}

	@Test
	void aTripBookingHoldsSeatsAtTheCurrentPrice() {
		String trip = fixtures.trip(20, "799.50", FAR);
		String token = accessToken(accounts.newCustomer());

		Answer answer = fixtures.book(token, json("tripCode", trip.toLowerCase(), "seats", 3));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		JsonNode booking = answer.json();
		assertThat(answer.header("Location")).isEqualTo("/api/v1/bookings/" + booking.path("id").asString());
		assertThat(booking.path("status").asString()).isEqualTo("PENDING");
		assertThat(booking.path("tripCode").asString()).isEqualTo(trip);
		assertThat(booking.path("seats").asInt()).isEqualTo(3);
		assertThat(booking.path("unitPrice").decimalValue()).isEqualByComparingTo("799.50");
		assertThat(booking.path("totalAmount").decimalValue()).isEqualByComparingTo("2398.50");
		assertThat(booking.path("currency").asString()).isEqualTo("USD");
		assertThat(Instant.parse(booking.path("startsAt").asString())).isEqualTo(FAR);
		assertThat(Instant.parse(booking.path("endsAt").asString())).isEqualTo(FAR.plus(Duration.ofDays(5)));
		assertThat(Instant.parse(booking.path("holdExpiresAt").asString()))
			.isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(1, ChronoUnit.MINUTES));
		assertThat(fixtures.seats(trip)[0]).isEqualTo(3);

		JsonNode read = accounts.get("/api/v1/bookings/" + booking.path("id").asString(), token).json();
		assertThat(read.path("status").asString()).isEqualTo("PENDING");
		assertThat(read.path("payments").isArray()).isTrue();
		JsonNode mine = accounts.get("/api/v1/bookings?status=PENDING", token).json();
		assertThat(mine.path("totalItems").asLong()).isEqualTo(1);
		assertThat(mine.path("items").get(0).path("id").asString()).isEqualTo(booking.path("id").asString());
		assertThat(accounts.get("/api/v1/bookings?status=CONFIRMED", token).json().path("totalItems").asLong())
			.isZero();
	}

	@Test
	void aStayBookingCoversItsNightsFromMidnightUtc() {
		String stay = fixtures.stay(4, "120.00");
		String token = accessToken(accounts.newCustomer());
		LocalDate in = LocalDate.now(ZoneOffset.UTC).plusDays(40);

		Answer answer = fixtures.book(token, stayBody(stay, in.toString(), in.plusDays(3).toString(), 4));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		JsonNode booking = answer.json();
		assertThat(booking.path("stayCode").asString()).isEqualTo(stay);
		assertThat(booking.path("checkIn").asString()).isEqualTo(in.toString());
		assertThat(booking.path("checkOut").asString()).isEqualTo(in.plusDays(3).toString());
		assertThat(booking.path("quantity").asInt()).isEqualTo(3);
		assertThat(booking.path("guests").asInt()).isEqualTo(4);
		assertThat(booking.path("totalAmount").decimalValue()).isEqualByComparingTo("360.00");
		assertThat(booking.path("currency").asString()).isEqualTo("EUR");
		assertThat(booking.path("startsAt").asString()).isEqualTo(in + "T00:00:00Z");
		assertThat(booking.path("endsAt").asString()).isEqualTo(in.plusDays(3) + "T00:00:00Z");

		Answer taken = fixtures.book(accessToken(accounts.newCustomer()),
				stayBody(stay, in.plusDays(2).toString(), in.plusDays(5).toString(), 1));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
		assertThat(taken.json().path("conflicts").get(0).path("checkIn").asString()).isEqualTo(in.toString());
		assertThat(taken.json().path("conflicts").get(0).path("checkOut").asString())
			.isEqualTo(in.plusDays(3).toString());
		Answer adjacent = fixtures.book(token, stayBody(stay, in.plusDays(3).toString(), in.plusDays(5).toString(), 1));
		assertThat(adjacent.status()).as("check-out day is free for the next check-in").isEqualTo(201);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndWritesNothing() {
		String trip = fixtures.trip(10, "100.00", FAR);
		String stay = fixtures.stay(2, "90.00");
		JsonNode traveller = accounts.newCustomer();
		String token = accessToken(traveller);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String in = today.plusDays(10).toString();

		assertRefused(token, tripBody(trip, 0), "seats");
		assertRefused(token, tripBody(trip, 11), "seats");
		assertRefused(token, json("tripCode", trip), "seats");
		assertRefused(token, json("seats", 1), "tripCode");
		assertRefused(token, json("tripCode", trip, "seats", 1, "stayCode", stay), "stayCode");
		assertRefused(token, json("tripCode", trip, "seats", 1, "checkIn", in), "checkIn");
		assertRefused(token, json("tripCode", "a-b", "seats", 1), "tripCode");
		assertRefused(token, json("tripCode", trip, "seats", "two"), "seats");
		assertRefused(token, json("stayCode", stay, "checkIn", in, "guests", 1), "checkOut");
		assertRefused(token, stayBody(stay, today.minusDays(1).toString(), in, 1), "checkIn");
		assertRefused(token, stayBody(stay, in, in, 1), "checkOut");
		assertRefused(token, stayBody(stay, in, today.plusDays(100).toString(), 1), "checkOut");
		assertRefused(token, stayBody(stay, in, today.plusDays(12).toString(), 3), "guests");
		assertRefused(token, stayBody(stay, in, today.plusDays(12).toString(), 0), "guests");
		assertRefused(token, json("stayCode", stay, "checkIn", "2031-13-01", "checkOut", in, "guests", 1), "checkIn");
		assertRefused(token, json("stayCode", stay, "checkIn", in, "checkOut", in, "guests", 1, "seats", 1), "seats");

		Answer malformedId = accounts.get("/api/v1/bookings/not-a-uuid", token);
		assertThat(malformedId.status()).isEqualTo(400);
		assertThat(malformedId.json().path("errors").get(0).path("parameter").asString()).isEqualTo("id");
		Answer malformedPay = fixtures.pay(token, "12345");
		assertThat(malformedPay.status()).isEqualTo(400);
		assertThat(malformedPay.json().path("errors").get(0).path("parameter").asString()).isEqualTo("id");
		Answer badStatus = accounts.get("/api/v1/bookings?status=PAID", token);
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.json().path("errors").get(0).path("parameter").asString()).isEqualTo("status");

		assertThat(fixtures.count("SELECT count(*) FROM app.bookings WHERE user_id = ?::uuid",
				TestAccounts.userId(traveller))).isZero();
		assertThat(fixtures.seats(trip)[0]).isZero();
	}

	@Test
	void unknownTripsAndStaysAreNotFound() {
		String token = accessToken(accounts.newCustomer());
		Answer trip = fixtures.book(token, tripBody(TestTrips.code(), 1));
		assertThat(trip.status()).as(trip.toString()).isEqualTo(404);
		assertThat(trip.contentType()).startsWith("application/problem+json");
		Answer stay = fixtures.book(token, stayBody("NOSUCHSTAY", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString(),
				LocalDate.now(ZoneOffset.UTC).plusDays(4).toString(), 1));
		assertThat(stay.status()).as(stay.toString()).isEqualTo(404);
		Answer booking = accounts.get("/api/v1/bookings/" + java.util.UUID.randomUUID(), token);
		assertThat(booking.status()).isEqualTo(404);
	}

	@Test
	void aSoldOutTripAnswersWithTheSeatsLeft() {
		String trip = fixtures.trip(3, "50.00", FAR);
		String token = accessToken(accounts.newCustomer());
		fixtures.bookOk(token, tripBody(trip, 2));

		Answer refused = fixtures.book(token, tripBody(trip, 2));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().path("seatsLeft").asInt()).isEqualTo(1);
		assertThat(refused.json().path("tripCode").asString()).isEqualTo(trip);
		assertThat(fixtures.seats(trip)[0]).isEqualTo(2);
		fixtures.bookOk(token, tripBody(trip, 1));
		assertThat(fixtures.seats(trip)).containsExactly(3, 3);
	}

	@Test
	void tripsNotOnSaleCannotBeBooked() {
		String departed = fixtures.trip(10, "50.00", Instant.now().minus(Duration.ofDays(1)));
		String inactive = fixtures.trip(10, "50.00", FAR);
		fixtures.asJob(() -> fixtures.update("UPDATE app.trips SET status = 'INACTIVE' WHERE code = ?", inactive));
		String token = accessToken(accounts.newCustomer());

		Answer gone = fixtures.book(token, tripBody(departed, 1));
		assertThat(gone.status()).as(gone.toString()).isEqualTo(409);
		assertThat(gone.json().path("detail").asString()).contains("departed");
		Answer off = fixtures.book(token, tripBody(inactive, 1));
		assertThat(off.status()).as(off.toString()).isEqualTo(409);
		assertThat(off.json().path("detail").asString()).contains("INACTIVE");
		assertThat(fixtures.seats(departed)[0] + fixtures.seats(inactive)[0]).isZero();
	}

	@Test
	void aPriceChangeAfterBookingLeavesTheBookedPrice() {
		String trip = fixtures.trip(10, "300.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(token, tripBody(trip, 2));

		TestTrips.replace(catalog, new TripDraft(trip, "Renamed " + trip, "Resort " + trip, FAR, 5,
				new BigDecimal("450.00"), "USD", 10, TestTrips.content(1, "<p>new</p>", "n.jpg")));

		JsonNode read = accounts.get("/api/v1/bookings/" + id, token).json();
		assertThat(read.path("unitPrice").decimalValue()).isEqualByComparingTo("300.00");
		assertThat(read.path("totalAmount").decimalValue()).isEqualByComparingTo("600.00");
		JsonNode later = fixtures.book(token, tripBody(trip, 1)).json();
		assertThat(later.path("unitPrice").decimalValue()).isEqualByComparingTo("450.00");
	}

	@Test
	void cancellingAPendingBookingFreesItsSeatsOnce() {
		String trip = fixtures.trip(10, "80.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(token, tripBody(trip, 4));

		Answer cancelled = fixtures.cancel(token, id);

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().path("cancellationReason").asString()).isEqualTo("CUSTOMER");
		assertThat(cancelled.json().path("refundAmount").isNull()).isTrue();
		assertThat(fixtures.seats(trip)[0]).isZero();

		Answer again = fixtures.cancel(token, id);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("detail").asString()).endsWith("cannot be cancelled in status CANCELLED");
		assertThat(again.json().path("status").asString()).isEqualTo("CANCELLED");
		Answer pay = fixtures.pay(token, id);
		assertThat(pay.status()).isEqualTo(409);
		assertThat(pay.json().path("detail").asString()).endsWith("cannot be paid in status CANCELLED");
		assertThat(fixtures.seats(trip)[0]).as("seats are given back once").isZero();
	}

	@Test
	void anotherTravellersBookingIsNotFoundButAnAdminSeesIt() {
		String trip = fixtures.trip(10, "80.00", FAR);
		String owner = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(owner, tripBody(trip, 1));
		String other = accessToken(accounts.newCustomer());

		for (Answer answer : new Answer[] { accounts.get("/api/v1/bookings/" + id, other), fixtures.pay(other, id),
				fixtures.cancel(other, id) }) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
			assertThat(answer.json().path("detail").asString()).isEqualTo("Booking " + id + " not found");
		}
		assertThat(accounts.get("/api/v1/bookings", other).json().path("totalItems").asLong()).isZero();
		assertThat(accounts.get("/api/v1/admin/bookings/" + id, other).status()).isEqualTo(403);
		assertThat(fixtures.rows("SELECT status FROM app.bookings WHERE id = ?::uuid", id).get(0).get("status"))
			.isEqualTo("PENDING");

		String admin = accessToken(accounts.newUserWithRole(identity, "admin"));
		Answer seen = accounts.get("/api/v1/admin/bookings/" + id, admin);
		assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
		assertThat(seen.json().path("tripCode").asString()).isEqualTo(trip);
		JsonNode search = accounts.get("/api/v1/admin/bookings?tripCode=" + trip.toLowerCase(), admin).json();
		assertThat(search.path("totalItems").asLong()).isEqualTo(1);
		assertThat(accounts.get("/api/v1/bookings/" + id, admin).status()).as("not the admin's own").isEqualTo(404);
		Answer cancelled = accounts.send("POST", "/api/v1/admin/bookings/" + id + "/cancel", admin, null);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().path("cancellationReason").asString()).isEqualTo("ADMIN");
		assertThat(fixtures.seats(trip)[0]).isZero();
	}

	@Test
	void adminSearchFiltersByStatusUserAndStartDay() {
		String trip = fixtures.trip(10, "80.00", FAR);
		JsonNode traveller = accounts.newCustomer();
		String token = accessToken(traveller);
		String kept = fixtures.bookOk(token, tripBody(trip, 1));
		String cancelled = fixtures.bookOk(token, tripBody(trip, 1));
		fixtures.cancel(token, cancelled);
		String admin = accessToken(accounts.newUserWithRole(identity, "admin"));
		String day = LocalDate.ofInstant(FAR, ZoneOffset.UTC).toString();
		String base = "/api/v1/admin/bookings?userId=" + TestAccounts.userId(traveller);

		JsonNode all = accounts.get(base, admin).json();
		assertThat(all.path("items")).extracting(item -> item.path("id").asString()).containsExactly(cancelled, kept);
		JsonNode pending = accounts.get(base + "&status=PENDING&from=" + day + "&to=" + day, admin).json();
		assertThat(pending.path("items")).extracting(item -> item.path("id").asString()).containsExactly(kept);
		assertThat(accounts.get(base + "&from=" + LocalDate.ofInstant(FAR, ZoneOffset.UTC).plusDays(1), admin).json()
			.path("totalItems").asLong()).isZero();
		Answer swapped = accounts.get(base + "&from=2031-02-02&to=2031-02-01", admin);
		assertThat(swapped.status()).isEqualTo(400);
		assertThat(swapped.json().path("errors").get(0).path("parameter").asString()).isEqualTo("from");
		Answer badUser = accounts.get("/api/v1/admin/bookings?userId=nobody", admin);
		assertThat(badUser.json().path("errors").get(0).path("parameter").asString()).isEqualTo("userId");
	}

	@Test
	void theOpenApiDescriptionCoversEveryBookingEndpointWithExamples() {
		Answer docs = new HttpApi(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.path("/api/v1/bookings").has("post")).isTrue();
		assertThat(paths.path("/api/v1/bookings").has("get")).isTrue();
		assertThat(paths.path("/api/v1/bookings/{id}").has("get")).isTrue();
		assertThat(paths.path("/api/v1/bookings/{id}/pay").has("post")).isTrue();
		assertThat(paths.path("/api/v1/bookings/{id}/cancel").has("post")).isTrue();
		assertThat(paths.path("/api/v1/admin/bookings").has("get")).isTrue();
		assertThat(paths.path("/api/v1/admin/bookings/{id}").has("get")).isTrue();
		assertThat(paths.path("/api/v1/admin/bookings/{id}/cancel").has("post")).isTrue();
		JsonNode create = paths.path("/api/v1/bookings").path("post");
		assertThat(create.path("requestBody").path("content").path("application/json").path("examples").has("stay"))
			.isTrue();
		assertThat(create.path("responses").path("409").toString()).contains("seatsLeft");
		assertThat(paths.path("/api/v1/bookings/{id}/pay").path("post").path("parameters").toString())
			.contains("Idempotency-Key");
	}

	private void assertRefused(String token, String body, String field) {
		Answer answer = fixtures.book(token, body);
		assertThat(answer.status()).as(body + " -> " + answer).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors").get(0).path("parameter").asString()).as(body).isEqualTo(field);
	}
}
