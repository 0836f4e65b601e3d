package io.getaways.catalog;

import java.util.List;
import java.util.Map;

import io.getaways.audit.AuditEntry;
import io.getaways.support.HttpApi.Answer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Admin stays over real HTTP: created, replaced, deactivated and activated, and audited
 * with the admin as actor.
 */
class AdminStaysIT extends AdminCatalogTest {

	@Test
	void staysAreCreatedReplacedDeactivatedAndAuditedWithTheAdminAsActor() {
		String code = TestStays.code();
		Answer created = send("POST", "/api/v1/admin/stays", stay(code));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/admin/stays/" + code);
		assertThat(created.json().path("maxGuests").asInt()).isEqualTo(6);
		Document document = await().atMost(PROJECTION)
			.until(() -> mongo.findById(code, Document.class, "stay_content"), found -> found != null);
		assertThat(document.getList("amenities", String.class)).containsExactly("Plunge pool");
		assertThat(document.get("bedrooms", Number.class).intValue()).isEqualTo(3);

		Answer replaced = send("PUT", "/api/v1/admin/stays/" + code, stay(code, body -> {
			body.put("pricePerNight", "455.50");
			body.put("content", Map.of("description", "<p>Renovated</p>", "amenities", List.of("Hot tub")));
		}));
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().path("contentVersion").asLong()).isEqualTo(2);
		await().atMost(PROJECTION)
			.until(() -> mongo.findById(code, Document.class, "stay_content"),
					found -> found.get("version", Number.class).longValue() == 2
							&& "<p>Renovated</p>".equals(found.getString("description")));
		JsonNode published = await().atMost(PROJECTION)
			.until(() -> api.get("/api/v1/stays/" + code),
					answer -> answer.status() == 200 && answer.json().path("contentAvailable").asBoolean())
			.json();
		assertThat(published.path("pricePerNight").decimalValue()).isEqualByComparingTo("455.50");
		assertThat(published.path("content").path("amenities").get(0).asString()).isEqualTo("Hot tub");

		assertThat(send("POST", "/api/v1/admin/stays/" + code + "/deactivate", null).json().path("status").asString())
			.isEqualTo("INACTIVE");
		assertThat(send("POST", "/api/v1/admin/stays/" + code + "/deactivate", null).status()).isEqualTo(409);
		assertThat(api.get("/api/v1/stays/" + code).status()).isEqualTo(404);
		JsonNode adminView = adminGet("/api/v1/admin/stays/" + code).json();
		assertThat(adminView.path("status").asString()).isEqualTo("INACTIVE");
		assertThat(adminView.path("availability").path("occupied")).isEmpty();
		// q= matches through the search index, which follows the catalog through the
		// outbox
		await().atMost(PROJECTION)
			.until(() -> adminGet("/api/v1/admin/stays?q=" + code).json().path("totalItems").asLong() == 1);
		assertThat(adminGet("/api/v1/admin/stays?status=INACTIVE&q=" + code).json()
			.path("items")
			.findValuesAsString("code")).containsExactly(code);
		assertThat(adminGet("/api/v1/admin/stays?q=" + code).json().path("totalItems").asLong()).isEqualTo(1);
		assertThat(send("POST", "/api/v1/admin/stays/" + code + "/activate", null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/stays/" + code).status()).isEqualTo(200);

		List<AuditEntry> entries = auditEntries("app.stays", code);
		assertThat(entries).extracting(AuditEntry::operation).containsExactly("UPDATE", "UPDATE", "UPDATE", "INSERT");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.actorUserId()).isEqualTo(adminId);
			assertThat(entry.actor()).endsWith("@example.com");
			assertThat(entry.requestId()).isNotBlank();
		});
		JsonNode priceChange = JSON.readTree(entries.get(2).newRow());
		assertThat(priceChange.path("price_per_night").decimalValue()).isEqualByComparingTo("455.50");
		assertThat(JSON.readTree(entries.get(1).newRow()).path("status").asString()).isEqualTo("INACTIVE");
	}

}
