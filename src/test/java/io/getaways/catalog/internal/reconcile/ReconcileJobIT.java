package io.getaways.catalog.internal.reconcile;

import java.time.Duration;
import java.time.Instant;

import io.getaways.catalog.OutboxEvents;
import io.getaways.catalog.Superuser;
import io.getaways.catalog.internal.Listings;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled reconciliation over every code: it repairs, counts what it found in
 * metrics, and does not run while another instance holds its lock.
 */
@IntegrationTest
class ReconcileJobIT {

	@Autowired
	ReconcileJob job;

	@Autowired
	Listings catalog;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationContext context;

	@Test
	void repairsEveryCodeCountsTheDriftAndWaitsForAnotherInstancesLock() throws Exception {
		String code = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(code, "Job Drift", "Drift Bay", Instant.parse("2097-02-10T08:00:00Z"), "250.00"));
		String orphan = TestTrips.code();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> OutboxEvents.incomplete(context, code) == 0
					&& mongo.findById(code, Document.class, "trip_content") != null);
		mongo.remove(Query.query(Criteria.where("_id").is(code)), "trip_content");
		mongo.insert(new Document("_id", orphan).append("code", orphan).append("version", 2L), "trip_content");
		double repaired = drift("missing", "repaired");
		double removed = drift("orphan", "removed");

		try (Superuser superuser = new Superuser(context)) {
			superuser.jdbc().sql("""
					INSERT INTO system.shedlock (name, lock_until, locked_at, locked_by)
					VALUES ('catalog-reconcile', now() + interval '1 hour', now(), 'another-instance')
					ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until, locked_by = EXCLUDED.locked_by
					""").update();
			job.run();
			assertThat(mongo.findById(code, Document.class, "trip_content")).as("another instance holds the lock")
				.isNull();

			superuser.jdbc()
				.sql("UPDATE system.shedlock SET lock_until = now() - interval '1 second' WHERE name = 'catalog-reconcile'")
				.update();
			job.run();
		}

		assertThat(mongo.findById(code, Document.class, "trip_content")).isNotNull();
		assertThat(mongo.findById(orphan, Document.class, "trip_content")).isNull();
		assertThat(drift("missing", "repaired")).isGreaterThan(repaired);
		assertThat(drift("orphan", "removed")).isGreaterThan(removed);
		assertThat(meters.find("getaways.catalog.reconcile.unrepaired").gauge()).isNotNull();
	}

	private double drift(String drift, String outcome) {
		Counter counter = meters.find("getaways.catalog.reconcile.drift")
			.tags("kind", "trip", "drift", drift, "outcome", outcome)
			.counter();
		return counter == null ? 0 : counter.count();
	}

}
