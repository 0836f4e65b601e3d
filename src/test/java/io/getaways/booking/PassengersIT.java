package io.getaways.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.getaways.identity.Identity;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestBookings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static io.getaways.booking.TestPassengers.documentNumber;
import static io.getaways.booking.TestPassengers.passenger;
import static io.getaways.booking.TestPassengers.stayBody;
import static io.getaways.booking.TestPassengers.tripBody;
import static io.getaways.booking.TestPassengers.update;
import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.userId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passengers on bookings over HTTP: booked with a trip or stay, read and replaced by
 * their traveller until the cut-off, nobody else's, masked for admins unless revealed
 * (and the reveal audited), found by document number.
 */
@IntegrationTest
class PassengersIT extends AbstractBookingApiIT {

	static final String EXPIRY = "2045-01-31";

	@Autowired
	Identity identity;

	@Autowired
	Bookings bookings;

	@Test
	void aTripIsBookedWithItsPassengersAndItsTravellerReadsThemInClear() {
		String trip = fixtures.trip(10, "80.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String number = documentNumber();
		String id = fixtures.bookOk(token,
				tripBody(trip, 2, passenger("Ana Lima", "1987-03-14", "pt", number.toLowerCase(), EXPIRY),
						passenger(" Rui Lima ", "2015-06-01", "PT", null, null)));

		Answer answer = accounts.get("/api/v1/bookings/" + id + "/passengers", token);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode passengers = answer.json().path("passengers");
		assertThat(passengers.size()).isEqualTo(2);
		assertThat(passengers.get(0).path("fullName").asString()).isEqualTo("Ana Lima");
		assertThat(passengers.get(0).path("dateOfBirth").asString()).isEqualTo("1987-03-14");
		assertThat(passengers.get(0).path("nationality").asString()).isEqualTo("PT");
		assertThat(passengers.get(0).path("document").path("type").asString()).isEqualTo("PASSPORT");
		assertThat(passengers.get(0).path("document").path("number").asString()).isEqualTo(number);
		assertThat(passengers.get(0).path("document").path("expiry").asString()).isEqualTo(EXPIRY);
		assertThat(passengers.get(1).path("fullName").asString()).isEqualTo("Rui Lima");
		assertThat(passengers.get(1).path("document").isNull()).isTrue();
		assertThat(fixtures.count("SELECT count(*) FROM app.booking_passengers WHERE booking_id = ?::uuid", id))
			.isEqualTo(2);
	}

	@Test
	void aStayTakesOnePassengerPerGuestAndBookingsWithoutPassengersStillWork() {
		String stay = fixtures.stay(4, "120.00");
		String token = accessToken(accounts.newCustomer());
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(90);
		String id = fixtures.bookOk(token, stayBody(stay, checkIn, checkIn.plusDays(3), 1,
				passenger("Eva Sousa", "1990-01-02", "ES", documentNumber(), EXPIRY)));
		assertThat(accounts.get("/api/v1/bookings/" + id + "/passengers", token).json().path("passengers").size())
			.isEqualTo(1);

		String trip = fixtures.trip(10, "80.00", FAR);
		String without = fixtures.bookOk(token, TestBookingApi.tripBody(trip, 2));
		assertThat(accounts.get("/api/v1/bookings/" + without + "/passengers", token).json().path("passengers").size())
			.isZero();
	}

	@Test
	void badPassengersAreRefusedNamingThePassengerAndFieldAndNothingIsWritten() {
		String trip = fixtures.trip(10, "80.00", FAR);
		JsonNode traveller = accounts.newCustomer();
		String token = accessToken(traveller);
		String good = passenger("Ana Lima", "1987-03-14", "PT", documentNumber(), EXPIRY);
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		String departureDay = LocalDate.ofInstant(FAR, ZoneOffset.UTC).toString();

		assertRefused(token, tripBody(trip, 2, good), "passengers", "must list exactly 2 passenger(s), one per seat");
		assertRefused(token, tripBody(trip, 2, good, passenger("Rui", tomorrow, "PT", null, null)),
				"passengers[1].dateOfBirth", "must be in the past");
		assertRefused(token, tripBody(trip, 1, passenger("  ", "1987-03-14", "PT", null, null)),
				"passengers[0].fullName", "is required");
		assertRefused(token, tripBody(trip, 1, passenger("x".repeat(101), "1987-03-14", "PT", null, null)),
				"passengers[0].fullName", "must be at most 100 characters");
		assertRefused(token, tripBody(trip, 1, passenger("Ana", "1987-03-14", "XX", null, null)),
				"passengers[0].nationality", "must be an ISO 3166-1 alpha-2 country code");
		assertRefused(token, tripBody(trip, 2, good, passenger("Rui", "1990-01-01", "PT", "AB-12", departureDay)),
				"passengers[1].document.expiry", "must be after the trip ends");
		assertRefused(token, tripBody(trip, 1, passenger("Rui", "1990-01-01", "PT", "AB/12", EXPIRY)),
				"passengers[0].document.number", "must be 1 to 30 letters or digits");

		assertThat(fixtures.seats(trip)[0]).as("no seat taken").isZero();
		assertThat(fixtures.count("SELECT count(*) FROM app.bookings WHERE user_id = ?::uuid", userId(traveller)))
			.isZero();
		assertThat(fixtures.count("SELECT count(*) FROM app.booking_passengers WHERE user_id = ?::uuid",
				userId(traveller)))
			.isZero();
	}

	@Test
	void anotherTravellersPassengersAreNotFound() {
		String trip = fixtures.trip(10, "80.00", FAR);
		String owner = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(owner,
				tripBody(trip, 1, passenger("Ana Lima", "1987-03-14", "PT", documentNumber(), EXPIRY)));
		String other = accessToken(accounts.newCustomer());

		Answer read = accounts.get("/api/v1/bookings/" + id + "/passengers", other);
		Answer write = accounts.send("PUT", "/api/v1/bookings/" + id + "/passengers", other,
				update(passenger("Mallory", "1980-01-01", "PT", null, null)));

		assertThat(read.status()).as(read.toString()).isEqualTo(404);
		assertThat(write.status()).as(write.toString()).isEqualTo(404);
		assertThat(write.json().path("detail").asString()).isEqualTo("Booking " + id + " not found");
		assertThat(accounts.get("/api/v1/bookings/" + id + "/passengers", owner)
			.json()
			.path("passengers")
			.get(0)
			.path("fullName")
			.asString()).isEqualTo("Ana Lima");
		assertThat(accounts.get("/api/v1/admin/bookings/" + id + "/passengers", other).status()).isEqualTo(403);
		assertThat(accounts.get("/api/v1/admin/passengers?documentNumber=AB123", other).status()).isEqualTo(403);
	}

	@Test
	void aTravellerReplacesPassengersUntilTheCutOffBeforeDeparture() {
		String trip = fixtures.trip(10, "80.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(token, tripBody(trip, 1, passenger("Ana Lima", "1987-03-14", "PT", null, null)));
		String number = documentNumber();

		Answer replaced = accounts.send("PUT", "/api/v1/bookings/" + id + "/passengers", token,
				update(passenger("Ana Maria Lima", "1987-03-15", "BR", number, EXPIRY)));

		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		JsonNode now = accounts.get("/api/v1/bookings/" + id + "/passengers", token).json().path("passengers");
		assertThat(now.size()).isEqualTo(1);
		assertThat(now.get(0).path("fullName").asString()).isEqualTo("Ana Maria Lima");
		assertThat(now.get(0).path("dateOfBirth").asString()).isEqualTo("1987-03-15");
		assertThat(now.get(0).path("document").path("number").asString()).isEqualTo(number);
		Answer bad = accounts.send("PUT", "/api/v1/bookings/" + id + "/passengers", token,
				update(passenger("Ana", "1987-03-15", "BR", number, EXPIRY),
						passenger("Rui", "1987-03-15", "BR", null, null)));
		assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
		assertThat(accounts.get("/api/v1/bookings/" + id + "/passengers", token)
			.json()
			.path("passengers")
			.get(0)
			.path("fullName")
			.asString()).as("unchanged by a refused replacement").isEqualTo("Ana Maria Lima");

		String soon = fixtures.trip(10, "80.00", Instant.now().plus(Duration.ofHours(24)));
		String late = fixtures.bookOk(token, tripBody(soon, 1, passenger("Ana Lima", "1987-03-14", "PT", null, null)));
		Answer locked = accounts.send("PUT", "/api/v1/bookings/" + late + "/passengers", token,
				update(passenger("Someone Else", "1987-03-14", "PT", null, null)));
		assertThat(locked.status()).as(locked.toString()).isEqualTo(409);
		assertThat(locked.json().path("detail").asString())
			.startsWith("Passengers of booking " + late + " can no longer be changed: changes closed at");
		assertThat(accounts.get("/api/v1/bookings/" + late + "/passengers", token)
			.json()
			.path("passengers")
			.get(0)
			.path("fullName")
			.asString()).isEqualTo("Ana Lima");

		assertThat(fixtures.cancel(token, id).status()).isEqualTo(200);
		Answer cancelled = accounts.send("PUT", "/api/v1/bookings/" + id + "/passengers", token,
				update(passenger("Ana", "1987-03-15", "BR", null, null)));
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(409);
		assertThat(cancelled.json().path("detail").asString()).endsWith("it is CANCELLED");
	}

	@Test
	void anAdminSeesDocumentNumbersMaskedFindsThemByBlindIndexAndRevealsOneWithAnAuditEntry() {
		String trip = fixtures.trip(10, "80.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String number = documentNumber();
		String id = fixtures.bookOk(token,
				tripBody(trip, 1, passenger("Ana Lima", "1987-03-14", "PT", number, EXPIRY)));
		JsonNode adminSession = accounts.newUserWithRole(identity, "admin");
		String admin = accessToken(adminSession);

		Answer masked = accounts.get("/api/v1/admin/bookings/" + id + "/passengers", admin);
		assertThat(masked.status()).as(masked.toString()).isEqualTo(200);
		JsonNode seen = masked.json().path("passengers").get(0);
		assertThat(seen.path("document").path("number").asString())
			.isEqualTo("******" + number.substring(number.length() - 3));
		assertThat(seen.path("dateOfBirth").isNull()).isTrue();
		assertThat(masked.body()).doesNotContain(number).doesNotContain("1987-03-14");

		String spelledOtherwise = number.substring(0, 3).toLowerCase() + "-" + number.substring(3) + " ";
		Answer found = accounts.get(
				"/api/v1/admin/passengers?documentNumber=" + io.getaways.support.HttpApi.encode(spelledOtherwise),
				admin);
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.json().size()).isEqualTo(1);
		assertThat(found.json().get(0).path("bookingId").asString()).isEqualTo(id);
		assertThat(found.body()).doesNotContain(number);
		assertThat(accounts.get("/api/v1/admin/passengers?documentNumber=NOSUCH" + number, admin).json().size())
			.isZero();
		assertThat(accounts.get("/api/v1/admin/passengers?documentNumber=a/b", admin).status()).isEqualTo(400);

		String passengerId = seen.path("id").asString();
		Answer revealed = accounts.send("POST",
				"/api/v1/admin/bookings/" + id + "/passengers/" + passengerId + "/reveal", admin, null);
		assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
		assertThat(revealed.json().path("document").path("number").asString()).isEqualTo(number);
		assertThat(revealed.json().path("dateOfBirth").asString()).isEqualTo("1987-03-14");
		assertThat(fixtures.count("""
				SELECT count(*) FROM audit.log
				WHERE table_name = 'app.passenger_reveals'
				  AND operation = 'INSERT'
				  AND actor_user_id = ?
				  AND new_row ->> 'passenger_id' = ?
				  AND new_row ->> 'revealed_by' = ?""", userId(adminSession), passengerId, userId(adminSession)))
			.isEqualTo(1);
		assertThat(accounts
			.send("POST", "/api/v1/admin/bookings/" + id + "/passengers/" + UUID.randomUUID() + "/reveal", admin, null)
			.status()).isEqualTo(404);
	}

	@Test
	void anExportGetsEveryBookingOfTheCallerWithItsPassengersDecrypted() {
		String trip = fixtures.trip(10, "80.00", FAR);
		JsonNode traveller = accounts.newCustomer();
		String token = accessToken(traveller);
		String number = documentNumber();
		String with = fixtures.bookOk(token,
				tripBody(trip, 1, passenger("Ana Lima", "1987-03-14", "PT", number, EXPIRY)));
		String without = fixtures.bookOk(token, TestBookingApi.tripBody(trip, 1));
		fixtures.bookOk(accessToken(accounts.newCustomer()), TestBookingApi.tripBody(trip, 1));

		List<BookingPassengers> export = ActorContext.callAs(TestBookings.traveller(UUID.fromString(userId(traveller))),
				bookings::myBookingsWithPassengers);

		assertThat(export).extracting(entry -> entry.booking().id().toString())
			.containsExactlyInAnyOrder(with, without);
		BookingPassengers booked = export.stream()
			.filter(entry -> entry.booking().id().toString().equals(with))
			.findFirst()
			.orElseThrow();
		assertThat(booked.passengers()).singleElement().satisfies(passenger -> {
			assertThat(passenger.dateOfBirth()).isEqualTo(LocalDate.of(1987, 3, 14));
			assertThat(passenger.document().number()).isEqualTo(number);
		});
	}

	private void assertRefused(String token, String body, String field, String message) {
		Answer answer = fixtures.book(token, body);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("errors").get(0).path("parameter").asString()).as(answer.toString())
			.isEqualTo(field);
		assertThat(answer.json().path("errors").get(0).path("message").asString()).as(answer.toString())
			.startsWith(message);
	}

}
