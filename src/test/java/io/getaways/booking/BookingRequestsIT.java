package io.getaways.booking;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.getaways.booking.TestBookingApi.stayBody;
import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the booking endpoints accept: bad input is refused naming the field; OpenAPI
 * describes them all.
 */
@IntegrationTest
class BookingRequestsIT extends AbstractBookingApiIT {

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
				TestAccounts.userId(traveller)))
			.isZero();
		assertThat(fixtures.seats(trip)[0]).isZero();
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
