package io.getaways.catalog;

import java.time.Duration;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import io.getaways.support.HttpApi.Answer;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Admin trips over real HTTP, signed in as a real admin: created with content projected
 * to MongoDB and the public API, replaced with and without content, capacity kept above
 * seats booked, deactivated and activated.
 */
class AdminTripsIT extends AdminCatalogTest {

	@Test
	void adminCreatesTripWhoseContentReachesMongoAndThePublicApi() {
		String code = TestTrips.code();
		Answer created = send("POST", "/api/v1/admin/trips", trip(code));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/admin/trips/" + code);
		JsonNode body = created.json();
		assertThat(body.path("code").asString()).isEqualTo(code);
		assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(body.path("contentVersion").asLong()).isEqualTo(1);
		assertThat(body.path("seatsBooked").asInt()).isZero();
		assertThat(body.path("reviewCount").asInt()).isZero();
		assertThat(body.path("ratingAverage").isNull()).isTrue();

		Document document = await().atMost(PROJECTION)
			.until(() -> mongo.findById(code, Document.class, "trip_content"), found -> found != null);
		assertThat(document.get("version", Number.class).longValue()).isEqualTo(1);
		assertThat(document.getString("description")).isEqualTo("<p>Admin trip</p>");
		assertThat(document.getString("difficulty")).isEqualTo("easy");
		JsonNode published = await().atMost(PROJECTION)
			.until(() -> api.get("/api/v1/trips/" + code),
					answer -> answer.status() == 200 && answer.json().path("contentAvailable").asBoolean())
			.json();
		assertThat(published.path("content").path("highlights").get(0).asString()).isEqualTo("Reef dive");
		assertThat(published.path("ratingAverage").isNull()).isTrue();
	}

	@Test
	void replacingContentBumpsItsVersionAndFactsAloneKeepIt() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);

		Map<String, Object> changed = trip(null, body -> {
			body.put("name", "Renamed Reef");
			body.put("content", Map.of("description", "<p>New words</p>", "attributes", Map.of("level", 2)));
		});
		Answer replaced = send("PUT", "/api/v1/admin/trips/" + code, changed);
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().path("contentVersion").asLong()).isEqualTo(2);
		Document document = await().atMost(PROJECTION)
			.until(() -> mongo.findById(code, Document.class, "trip_content"),
					found -> found != null && found.get("version", Number.class).longValue() == 2);
		assertThat(document.getString("description")).isEqualTo("<p>New words</p>");
		assertThat(document.get("level", Number.class).intValue()).isEqualTo(2);
		assertThat(document).as("a replaced document keeps no field of the old one").doesNotContainKey("difficulty");

		Answer factsOnly = send("PUT", "/api/v1/admin/trips/" + code, trip(null, body -> {
			body.put("name", "Renamed Reef");
			body.put("pricePerPerson", "1500.00");
			body.remove("content");
		}));
		assertThat(factsOnly.status()).as(factsOnly.toString()).isEqualTo(200);
		assertThat(factsOnly.json().path("contentVersion").asLong()).isEqualTo(2);
		assertThat(factsOnly.json().path("pricePerPerson").decimalValue()).isEqualByComparingTo("1500.00");
		assertThat(factsOnly.json().path("content").path("description").asString()).isEqualTo("<p>New words</p>");
		JsonNode published = api.get("/api/v1/trips/" + code).json();
		assertThat(published.path("name").asString()).isEqualTo("Renamed Reef");
		assertThat(published.path("pricePerPerson").decimalValue()).isEqualByComparingTo("1500.00");
	}

	@Test
	void capacityBelowSeatsBookedIsRefusedAndPriceChangesLeaveBookingsAlone() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);
		UUID traveller = identity.createUser(TestAccounts.email(), "Seat Holder", TestAccounts.PASSWORD, "customer")
			.id();
		UUID booking = superuser.bookSeats(code, traveller, 5);

		Answer refused = send("PUT", "/api/v1/admin/trips/" + code, trip(null, body -> body.put("capacity", 4)));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("seatsBooked").asInt()).isEqualTo(5);
		assertThat(refused.json().path("detail").asString()).contains("5 seat(s) booked");
		JsonNode unchanged = adminGet("/api/v1/admin/trips/" + code).json();
		assertThat(unchanged.path("capacity").asInt()).isEqualTo(24);

		Answer exact = send("PUT", "/api/v1/admin/trips/" + code, trip(null, body -> {
			body.put("capacity", 5);
			body.put("pricePerPerson", "2000.00");
		}));
		assertThat(exact.status()).as(exact.toString()).isEqualTo(200);
		assertThat(exact.json().path("seatsLeft").asInt()).isZero();
		assertThat(superuser.jdbc()
			.sql("SELECT unit_price FROM app.bookings WHERE id = :id")
			.param("id", booking)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("1299.00");
	}

	@Test
	void deactivatedTripLeavesThePublicCatalogAndComesBack() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);
		assertThat(api.get("/api/v1/trips/" + code).status()).isEqualTo(200);

		Answer deactivated = send("POST", "/api/v1/admin/trips/" + code + "/deactivate", null);
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		assertThat(deactivated.json().path("status").asString()).isEqualTo("INACTIVE");
		Answer again = send("POST", "/api/v1/admin/trips/" + code + "/deactivate", null);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.json().path("status").asString()).isEqualTo("INACTIVE");
		assertThat(again.json().path("detail").asString()).contains(code).contains("INACTIVE");

		assertThat(api.get("/api/v1/trips/" + code).status()).as("cache evicted on commit").isEqualTo(404);
		assertThat(api.get("/api/v1/trips?q=" + code).json().path("totalItems").asLong()).isZero();
		assertThat(api.get("/api/trips").body()).doesNotContain(code);
		// q= matches through the search index, which follows the catalog through the
		// outbox
		await().atMost(Duration.ofSeconds(30))
			.until(() -> adminGet("/api/v1/admin/trips?q=" + code).json().path("totalItems").asLong() == 1);
		assertThat(adminGet("/api/v1/admin/trips?status=INACTIVE&q=" + code).json()
			.path("items")
			.findValuesAsString("code")).containsExactly(code);
		assertThat(adminGet("/api/v1/admin/trips?status=ACTIVE&q=" + code).json().path("totalItems").asLong()).isZero();

		assertThat(send("POST", "/api/v1/admin/trips/" + code + "/activate", null).json().path("status").asString())
			.isEqualTo("ACTIVE");
		assertThat(send("POST", "/api/v1/admin/trips/" + code + "/activate", null).status()).isEqualTo(409);
		assertThat(api.get("/api/v1/trips/" + code).status()).isEqualTo(200);
		assertThat(send("POST", "/api/v1/admin/trips/NOSUCH" + TestTrips.token(6) + "/activate", null).status())
			.isEqualTo(404);
	}

}
