package io.getaways.audit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code audit.content_hash} assembles its canonical text from pieces instead of printing
 * one big JSON array; the text must stay byte for byte what
 * {@code jsonb_build_array(...)::text} prints, or every entry written before would stop
 * verifying. Awkward values (quotes, backslashes, control characters, non-ASCII, brackets
 * at the ends, nulls) go through both.
 */
@IntegrationTest
class AuditContentHashIT {

	/**
	 * The canonical text as first defined: one jsonb array of every content column,
	 * printed.
	 */
	private static final String CANONICAL_HASH = """
			public.digest(jsonb_build_array(
			    l.id, (extract(epoch FROM l.occurred_at) * 1000000)::bigint, l.txid::text, l.table_name,
			    l.record_id, l.operation, l.old_row, l.new_row, l.actor_user_id, l.actor,
			    l.client_ip, l.user_agent, l.request_id)::text, 'sha256')""";

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Catalog catalog;

	AuditDatabase database;

	@BeforeEach
	void setUp() {
		database = new AuditDatabase(context);
	}

	@Test
	void contentHashEqualsTheHashOfThePrintedJsonArrayForAwkwardValues() {
		List<String> awkward = List.of("]", "[", "[x]", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak",
				"\u0001control", "Zürich – 東京 🌴", "null", "", "   ");
		List<Long> ids = new ArrayList<>();
		for (String value : awkward) {
			Actor actor = new Actor(Actor.Role.CUSTOMER, "user-" + value, value, "198.51.100.9", value + "]",
					"[" + value);
			Map<String, String> details = new LinkedHashMap<>();
			details.put("value", value);
			details.put(value.isEmpty() ? "empty" : value, "key");
			ids.add(ActorContext.callAs(actor, () -> auditLog.recordEvent("HASH_CHECK", "[" + value + "]", details)));
		}
		Actor nobody = new Actor(Actor.Role.JOBS, null, null, null, null, null);
		ids.add(ActorContext.callAs(nobody, () -> auditLog.recordEvent("HASH_CHECK", null, Map.of())));
		// trip names stay free of LIKE wildcards and backslashes: other tests search the
		// shared catalog for those
		String code = "HSH" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		Actor editor = Actor.job("hash-it")
			.withRequest("203.0.113.9", "Editor \"quoted\" ]", "req-" + UUID.randomUUID());
		ActorContext.runAs(editor, () -> catalog.createTrip(draft(code, "Reef \"Bay\" ]", "99.95")));
		ActorContext.runAs(editor, () -> catalog.replaceTrip(draft(code, "[Ré \"ef\"]", "100.00")));
		ids.addAll(auditLog.search(new AuditQuery("app.trips", code, null, null, null, 0, 10))
			.items()
			.stream()
			.map(AuditEntry::id)
			.toList());

		List<Boolean[]> checks = database.asAuditor(() -> database.jdbc()
			.sql("""
					SELECT l.content_hash = audit.content_hash(l) AS stored_matches,
					       audit.content_hash(l) = %s AS canonical_matches
					FROM audit.log l
					WHERE l.id = ANY(CAST(:ids AS bigint[]))""".formatted(CANONICAL_HASH))
			.param("ids", ids.toArray(Long[]::new))
			.query((row, n) -> new Boolean[] { row.getBoolean("stored_matches"), row.getBoolean("canonical_matches") })
			.list());

		assertThat(checks).hasSize(awkward.size() + 3);
		assertThat(checks).allSatisfy(check -> {
			assertThat(check[0]).as("stored hash").isTrue();
			assertThat(check[1]).as("hash of the printed array").isTrue();
		});
	}

	@Test
	void everyEntryInTheLogHashesTheSameBothWays() {
		long mismatches = database.asAuditor(() -> database.jdbc()
			.sql("SELECT count(*) FROM audit.log l WHERE audit.content_hash(l) <> " + CANONICAL_HASH)
			.query(Long.class)
			.single());
		assertThat(mismatches).isZero();
	}

	@Test
	void aTriggerWithoutItsRecordIdColumnOrNamingAMissingOneIsRefused() throws SQLException {
		String schema = "audit_hash_it_" + ThreadLocalRandom.current().nextInt(1_000_000);
		try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
			sql.execute("CREATE SCHEMA " + schema);
			try {
				sql.execute("CREATE TABLE " + schema + ".things (id bigint PRIMARY KEY, label text)");
				sql.execute("CREATE TABLE " + schema + ".loose (id bigint, label text)");
				sql.execute("CREATE TRIGGER things_audit AFTER INSERT ON " + schema
						+ ".things FOR EACH ROW EXECUTE FUNCTION audit.capture('code')");
				sql.execute("CREATE TRIGGER loose_audit AFTER INSERT ON " + schema
						+ ".loose FOR EACH ROW EXECUTE FUNCTION audit.capture()");
				assertThatThrownBy(() -> sql.execute("INSERT INTO " + schema + ".things VALUES (1, 'a')"))
					.hasMessageContaining("no column code");
				assertThatThrownBy(() -> sql.execute("INSERT INTO " + schema + ".loose VALUES (1, 'a')"))
					.hasMessageContaining("needs the record id column");
				sql.execute("DROP TRIGGER things_audit ON " + schema + ".things");
				sql.execute("CREATE TRIGGER things_audit AFTER INSERT ON " + schema
						+ ".things FOR EACH ROW EXECUTE FUNCTION audit.capture('label')");
				sql.execute("INSERT INTO " + schema + ".things VALUES (2, NULL)");
			}
			finally {
				sql.execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}
		List<AuditEntry> entries = auditLog.search(new AuditQuery(schema + ".things", null, null, null, null, 0, 10))
			.items();
		assertThat(entries).as("a null record id is recorded, not refused").hasSize(1);
		assertThat(entries.get(0).recordId()).isNull();
		assertThat(entries.get(0).newRow()).contains("\"id\": 2");
	}

	private static TripDraft draft(String code, String name, String price) {
		TripContent content = new TripContent(1, "Hash check", "reef.jpg", List.of("reef.jpg"), List.of(), List.of(),
				Map.of());
		return new TripDraft(code, name, "Hash Resort", Instant.parse("2099-07-01T10:00:00Z"), 3, new BigDecimal(price),
				"USD", 10, content);
	}

}
