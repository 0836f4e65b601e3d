package io.getaways.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class AuditChainIT {

	private static final String GAPS = """
			SELECT count(*)
			FROM audit.log l
			LEFT JOIN audit.chain c ON c.log_id = l.id
			WHERE l.id <= (SELECT max(log_id) FROM audit.chain)
			  AND c.log_id IS NULL""";

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditLog auditLog;

	@Autowired
	DataSource pool;

	AuditDatabase database;

	@BeforeEach
	void setUp() {
		database = new AuditDatabase(context);
	}

	@Test
	void verificationFindsExactlyTheEntryTheOwnerChangedAndPassesOnceRestored() {
		long first = recordEvent("CHAIN_PROBE");
		long tampered = recordEvent("CHAIN_PROBE");
		long last = recordEvent("CHAIN_PROBE");
		awaitSealed(last);
		assertThat(auditLog.verify().isIntact()).isTrue();
		String original = database.newRow(tampered);

		database.overwriteAsOwner(tampered, "new_row", "{\"note\": \"rewritten\"}");
		try {
			VerificationResult result = auditLog.verify();
			assertThat(result.firstBrokenId()).isEqualTo(tampered);
			assertThat(result.reason()).contains("content");
			assertThat(result.entriesChecked()).isGreaterThan(tampered - first);
		}
		finally {
			database.overwriteAsOwner(tampered, "new_row", original);
		}

		VerificationResult restored = auditLog.verify();
		assertThat(restored.isIntact()).as(restored.toString()).isTrue();
		// ids have gaps wherever an audited write was rolled back, so count the entries
		// rather than trust the ids
		long entriesUpToLast = database.asAuditor(() -> database.jdbc()
			.sql("SELECT count(*) FROM audit.log WHERE id <= ?")
			.param(last)
			.query(Long.class)
			.single());
		assertThat(restored.entriesChecked()).isGreaterThanOrEqualTo(entriesUpToLast);
	}

	@Test
	void aForgedContentHashBreaksTheChainLink() {
		long tampered = recordEvent("CHAIN_PROBE");
		awaitSealed(tampered);
		String originalRow = database.newRow(tampered);
		String originalHash = database.contentHash(tampered);

		database.overwriteAsOwner(tampered, "new_row", "{\"note\": \"rewritten\"}");
		String forgedHash = database.asAuditor(() -> database.jdbc()
			.sql("SELECT encode(audit.content_hash(l), 'hex') FROM audit.log l WHERE id = ?")
			.param(tampered)
			.query(String.class)
			.single());
		database.overwriteAsOwner(tampered, "content_hash", forgedHash);
		try {
			VerificationResult result = auditLog.verify();
			assertThat(result.firstBrokenId()).isEqualTo(tampered);
			assertThat(result.reason()).contains("chain hash");
		}
		finally {
			database.overwriteAsOwner(tampered, "content_hash", originalHash);
			database.overwriteAsOwner(tampered, "new_row", originalRow);
		}
		assertThat(auditLog.verify().isIntact()).isTrue();
	}

	@Test
	void aChainLinkRemovedByTheOwnerIsReported() {
		long removed = recordEvent("CHAIN_PROBE");
		long later = recordEvent("CHAIN_PROBE");
		awaitSealed(later);

		AuditDatabase.ChainLink link = database.removeChainLinkAsOwner(removed);
		try {
			VerificationResult result = auditLog.verify();
			assertThat(result.firstBrokenId()).isEqualTo(removed);
			assertThat(result.reason()).contains("missing from audit.chain");
		}
		finally {
			database.restoreChainLinkAsOwner(link);
		}
		assertThat(auditLog.verify().isIntact()).isTrue();
	}

	@Test
	void concurrentWritersAreAllSealedInOrderWithoutGaps() throws Exception {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			codes.add(scratchTrip());
		}
		ExecutorService writers = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (String code : codes) {
				done.add(writers.submit(() -> {
					for (int write = 0; write < 50; write++) {
						database.as(Actor.Role.JOBS, () -> database.jdbc().sql("""
								UPDATE app.trips
								SET price_per_person = price_per_person + 1, content_version = content_version + 1
								WHERE code = ?""").param(code).update());
					}
				}));
			}
			for (Future<?> writer : done) {
				writer.get();
			}
		}
		finally {
			writers.shutdown();
		}

		List<Long> ids = database.asAuditor(() -> database.jdbc()
			.sql("SELECT id FROM audit.log WHERE table_name = 'app.trips' AND record_id = ANY(?) AND operation = 'UPDATE'")
			.param(codes.toArray(String[]::new))
			.query(Long.class)
			.list());
		assertThat(ids).hasSize(400);
		awaitSealed(ids.stream().mapToLong(Long::longValue).max().orElseThrow());
		VerificationResult result = auditLog.verify();
		assertThat(result.isIntact()).as(result.toString()).isTrue();
		assertThat(database.asAuditor(() -> database.jdbc().sql(GAPS).query(Long.class).single())).isZero();
	}

	/**
	 * Ids follow insert order, transaction ids begin order, and commits neither: here the
	 * transaction that began first takes the higher id and commits while the lower id is
	 * still open. Sealing every committed entry whose transaction id is below the oldest
	 * open one would skip the lower id for good.
	 */
	@Test
	void anOpenTransactionsEntryHoldsBackLaterEntriesInsteadOfBeingSkipped() throws Exception {
		try (var older = new OpenTransaction(pool, database.settings());
				var held = new OpenTransaction(pool, database.settings())) {
			older.takeTransactionId();
			long lower = held.recordEvent("HELD_PROBE");
			long higher = older.recordEvent("OLDER_PROBE");
			older.commit();
			assertThat(higher).isGreaterThan(lower);

			auditLog.verify();
			assertThat(sealed(higher)).as("sealing past an entry that may still commit would skip it").isFalse();

			held.commit();
			awaitSealed(higher);
			assertThat(sealed(lower)).isTrue();
			assertThat(auditLog.verify().isIntact()).isTrue();
		}
	}

	private long recordEvent(String kind) {
		return ActorContext.callAs(Actor.job("audit-chain-it"), () -> auditLog.recordEvent(kind, "chain", Map.of()));
	}

	private boolean sealed(long entryId) {
		return database.asAuditor(() -> database.jdbc()
			.sql("SELECT count(*) FROM audit.chain WHERE log_id = ?")
			.param(entryId)
			.query(Long.class)
			.single()) == 1;
	}

	/**
	 * A transaction elsewhere in a shared cluster can hold sealing back for a moment;
	 * never forever.
	 */
	private void awaitSealed(long entryId) {
		await().atMost(Duration.ofSeconds(60)).until(() -> database.newestSealed(auditLog) >= entryId);
	}

	/**
	 * Inactive and departing late, so that no catalog listing of another test ever sees
	 * it.
	 */
	private String scratchTrip() {
		String code = "AUDC" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		database.as(Actor.Role.JOBS, () -> database.jdbc()
			.sql("""
					INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, capacity, status)
					VALUES (?, 'Audit concurrency', 'Nowhere', '2099-12-01T00:00:00Z', 3, 100, 10, 'INACTIVE')""")
			.param(code)
			.update());
		return code;
	}

}
