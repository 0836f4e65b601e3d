package io.getaways.booking;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.getaways.identity.Identity;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading and cancelling bookings over HTTP: a traveller's own, nobody else's, and any of
 * them as an admin.
 */
@IntegrationTest
class BookingAccessIT extends AbstractBookingApiIT {

	@Autowired
	Identity identity;

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
		assertThat(accounts.get(base + "&from=" + LocalDate.ofInstant(FAR, ZoneOffset.UTC).plusDays(1), admin)
			.json()
			.path("totalItems")
			.asLong()).isZero();
		Answer swapped = accounts.get(base + "&from=2031-02-02&to=2031-02-01", admin);
		assertThat(swapped.status()).isEqualTo(400);
		assertThat(swapped.json().path("errors").get(0).path("parameter").asString()).isEqualTo("from");
		Answer badUser = accounts.get("/api/v1/admin/bookings?userId=nobody", admin);
		assertThat(badUser.json().path("errors").get(0).path("parameter").asString()).isEqualTo("userId");
	}

}
