package io.getaways.audit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripDraft;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditTriggerIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApplicationContext context;

	@Autowired
	Catalog catalog;

	@Autowired
	AuditLog auditLog;

	AuditDatabase database;

	@BeforeEach
	void setUp() {
		database = new AuditDatabase(context);
	}

	@Test
	void tripInsertAndUpdateEachLeaveOneEntryWithActorAndRowImages() {
		String code = "AUD" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		String requestId = "req-" + UUID.randomUUID();
		Actor actor = Actor.job("audit-it").withRequest("203.0.113.7", "AuditTriggerIT/1.0", requestId);

		ActorContext.runAs(actor, () -> catalog.createTrip(draft(code, "100.00")));
		ActorContext.runAs(actor, () -> catalog.replaceTrip(draft(code, "125.50")));

		List<AuditEntry> entries = auditLog.search(new AuditQuery("app.trips", code, null, null, null, 0, 10)).items();
		assertThat(entries).extracting(AuditEntry::operation).containsExactly("UPDATE", "INSERT");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.recordId()).isEqualTo(code);
			assertThat(entry.actor()).isEqualTo("job:audit-it");
			assertThat(entry.actorUserId()).isNull();
			assertThat(entry.clientIp()).isEqualTo("203.0.113.7");
			assertThat(entry.userAgent()).isEqualTo("AuditTriggerIT/1.0");
			assertThat(entry.requestId()).isEqualTo(requestId);
			assertThat(entry.contentHash()).hasSize(64);
		});
		AuditEntry update = entries.get(0);
		AuditEntry insert = entries.get(1);
		assertThat(insert.oldRow()).isNull();
		assertThat(json(insert.newRow()).get("price_per_person").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(json(update.oldRow()).get("price_per_person").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(json(update.newRow()).get("price_per_person").decimalValue()).isEqualByComparingTo("125.50");
		assertThat(json(update.newRow()).get("content_version").asLong())
			.isEqualTo(json(update.oldRow()).get("content_version").asLong() + 1);
		assertThat(update.transactionId()).isNotEqualTo(insert.transactionId());
	}

	@Test
	void eventsAreRecordedWithTheActorAndSecretsMasked() {
		String userId = "user-" + UUID.randomUUID();
		Actor actor = new Actor(Actor.Role.CUSTOMER, userId, "traveller@example.com", "198.51.100.4", "Browser/1",
				"req-" + UUID.randomUUID());

		long id = ActorContext.callAs(actor, () -> auditLog.recordEvent("LOGIN_SUCCESS", userId,
				Map.of("method", "password", "password", "not-to-be-kept")));

		AuditEntry entry = auditLog.search(new AuditQuery("events", userId, null, null, null, 0, 10)).items().get(0);
		assertThat(entry.id()).isEqualTo(id);
		assertThat(entry.operation()).isEqualTo("LOGIN_SUCCESS");
		assertThat(entry.actorUserId()).isEqualTo(userId);
		assertThat(entry.clientIp()).isEqualTo("198.51.100.4");
		assertThat(json(entry.newRow()).get("password").asString()).isEqualTo("***");
		assertThat(json(entry.newRow()).get("method").asString()).isEqualTo("password");
	}

	@Test
	void eventKindsThatLookLikeRowChangesAreRefused() {
		assertThatThrownBy(
				() -> ActorContext.callAs(Actor.job("audit-it"), () -> auditLog.recordEvent("UPDATE", "x", Map.of())))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("audit event kind");
	}

	@Test
	void secretColumnsNamedInTheTriggerArgumentsAreMasked() throws SQLException {
		String schema = "audit_it_" + ThreadLocalRandom.current().nextInt(1_000_000);
		try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
			sql.execute("CREATE SCHEMA " + schema);
			try {
				sql.execute("CREATE TABLE " + schema + ".credentials (id bigint PRIMARY KEY, email text, "
						+ "password_hash text, key_hash text)");
				sql.execute("CREATE TRIGGER credentials_audit AFTER INSERT OR UPDATE OR DELETE ON " + schema
						+ ".credentials FOR EACH ROW EXECUTE FUNCTION audit.capture('id', 'password_hash', 'key_hash')");
				sql.execute(
						"INSERT INTO " + schema + ".credentials VALUES (7, 'a@example.com', '$argon2id$secret', null)");
				sql.execute("UPDATE " + schema + ".credentials SET password_hash = '$argon2id$other', key_hash = 'k'");
				sql.execute("DELETE FROM " + schema + ".credentials");
			}
			finally {
				sql.execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}

		List<AuditEntry> entries = auditLog
			.search(new AuditQuery(schema + ".credentials", "7", null, null, null, 0, 10))
			.items();
		assertThat(entries).extracting(AuditEntry::operation).containsExactly("DELETE", "UPDATE", "INSERT");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.actor()).as("no app.* settings outside the service: null, not blank").isNull();
			assertThat(String.valueOf(entry.oldRow()) + entry.newRow()).doesNotContain("argon2id");
		});
		JsonNode inserted = json(entries.get(2).newRow());
		assertThat(inserted.get("password_hash").asString()).isEqualTo("***");
		assertThat(inserted.get("key_hash").isNull()).as("an absent secret stays visibly absent").isTrue();
		assertThat(inserted.get("email").asString()).isEqualTo("a@example.com");
		assertThat(json(entries.get(1).newRow()).get("key_hash").asString()).isEqualTo("***");
		assertThat(entries.get(0).newRow()).isNull();
	}

	private static TripDraft draft(String code, String price) {
		TripContent content = new TripContent(1, "Audited reef trip", "reef.jpg", List.of("reef.jpg"),
				List.of("Snorkelling"), List.of("reef"), Map.of());
		return new TripDraft(code, "Audit Reef", "Audit Resort", Instant.parse("2099-06-01T10:00:00Z"), 5,
				new BigDecimal(price), "USD", 12, content);
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
