package io.getaways.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripDraft;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static io.getaways.booking.TestBookingApi.stayBody;
import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Placing bookings over HTTP: what a hold takes and at which price, and what cannot be
 * booked.
 */
@IntegrationTest
class BookingPlacementIT extends AbstractBookingApiIT {

	@Autowired
	Catalog catalog;

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

}
