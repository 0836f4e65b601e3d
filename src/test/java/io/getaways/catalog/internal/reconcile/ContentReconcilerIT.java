package io.getaways.catalog.internal.reconcile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.OutboxEvents;
import io.getaways.catalog.StayContent;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.StayDraft;
import io.getaways.catalog.internal.content.ContentKind;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Drift;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Finding;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Outcome;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation against the real stores, with drift made by hand in MongoDB and in the
 * outbox. Runs are limited to this test's codes, so what other tests leave behind never
 * changes the expected report.
 */
@IntegrationTest
class ContentReconcilerIT {

	private static final Duration PROJECTION = Duration.ofSeconds(30);

	@Autowired
	ContentReconciler reconciler;

	@Autowired
	Listings catalog;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void repairsFromTheOutboxRemovesOrphansAndReportsTheRest() {
		String missing = trip();
		String stale = trip();
		String purged = trip();
		String ahead = trip();
		String missingStay = stay();
		String orphan = TestTrips.code();
		replaceContent(stale, "<p>second edition</p>");
		awaitSettled(missing, stale, purged, ahead, missingStay);

		remove("trip_content", missing);
		mongo.updateFirst(byCode(stale), new Update().set("version", 1L).set("description", "<p>first</p>"),
				"trip_content");
		remove("trip_content", purged);
		OutboxEvents.purge(context, purged, "TripContentChanged");
		mongo.updateFirst(byCode(ahead), new Update().set("version", 9L), "trip_content");
		remove("stay_content", missingStay);
		mongo.insert(new Document("_id", orphan).append("code", orphan).append("version", 4L), "trip_content");
		List<String> codes = List.of(missing, stale, purged, ahead, missingStay, orphan);

		ReconcileReport dryRun = reconciler.reconcile(codes, true);
		assertThat(dryRun.clean()).isFalse();
		assertThat(dryRun.findings()).hasSize(6);
		assertThat(document("trip_content", missing)).as("a dry run changes nothing").isNull();
		assertThat(document("trip_content", orphan)).isNotNull();

		ReconcileReport report = reconciler.reconcile(codes, false);

		assertThat(finding(report, missing))
			.extracting(Finding::drift, Finding::outcome, Finding::rowVersion, Finding::documentVersion)
			.containsExactly(Drift.MISSING, Outcome.REPAIRED, 1L, null);
		assertThat(finding(report, missing).how()).contains("completed outbox event");
		assertThat(finding(report, stale))
			.extracting(Finding::drift, Finding::outcome, Finding::rowVersion, Finding::documentVersion)
			.containsExactly(Drift.STALE, Outcome.REPAIRED, 2L, 1L);
		assertThat(finding(report, purged)).extracting(Finding::drift, Finding::outcome)
			.containsExactly(Drift.MISSING, Outcome.UNREPAIRED);
		assertThat(finding(report, ahead)).extracting(Finding::drift, Finding::outcome, Finding::documentVersion)
			.containsExactly(Drift.AHEAD, Outcome.UNREPAIRED, 9L);
		assertThat(finding(report, missingStay)).extracting(Finding::kind, Finding::drift, Finding::outcome)
			.containsExactly(ContentKind.STAY, Drift.MISSING, Outcome.REPAIRED);
		assertThat(finding(report, orphan)).extracting(Finding::drift, Finding::outcome, Finding::rowVersion)
			.containsExactly(Drift.ORPHAN, Outcome.REMOVED, null);
		assertThat(report.count(Outcome.REPAIRED)).isEqualTo(3);
		assertThat(report.count(Outcome.REMOVED)).isEqualTo(1);
		assertThat(report.count(Outcome.UNREPAIRED)).isEqualTo(2);
		assertThat(report.clean()).isFalse();
		assertThat(report.lines()).anySatisfy(line -> assertThat(line).startsWith("repaired").contains(missing))
			.anySatisfy(line -> assertThat(line).startsWith("unrepaired").contains(purged, "row v1, document none"))
			.anySatisfy(line -> assertThat(line).startsWith("removed").contains(orphan))
			.last()
			.isEqualTo("repaired 3, removed 1, unrepaired 2");

		assertThat(document("trip_content", missing).getString("description")).contains("Reconciled");
		assertThat(document("trip_content", stale).getString("description")).isEqualTo("<p>second edition</p>");
		assertThat(document("trip_content", stale).get("version", Number.class).longValue()).isEqualTo(2);
		assertThat(document("stay_content", missingStay)).isNotNull();
		assertThat(document("trip_content", orphan)).isNull();
		assertThat(document("trip_content", ahead).get("version", Number.class).longValue()).isEqualTo(9);
		assertThat(new HttpApi(port).get("/api/v1/trips/" + missing).json().path("contentAvailable").asBoolean())
			.as("the repaired trip reads with its content")
			.isTrue();

		ReconcileReport again = reconciler.reconcile(List.of(missing, stale, missingStay, orphan), false);
		assertThat(again.findings()).as("nothing left to repair").isEmpty();
		assertThat(again.clean()).isTrue();
	}

	@Test
	void aPendingEventRepairsItsDocumentBeforeTheOutboxJobDelivers() {
		String code = trip();
		awaitSettled(code);
		remove("trip_content", code);
		assertThat(OutboxEvents.markPending(context, code, "TripContentChanged")).isPositive();
		try {
			ReconcileReport report = reconciler.reconcile(List.of(code), false);
			assertThat(finding(report, code).how()).contains("pending outbox event");
			assertThat(report.clean()).isTrue();
			assertThat(document("trip_content", code).get("version", Number.class).longValue()).isEqualTo(1);
		}
		finally {
			OutboxEvents.complete(context, code);
		}
	}

	private String trip() {
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Reconciled " + code, "Drift Bay",
				Instant.parse("2097-01-10T08:00:00Z"), "250.00"));
		return code;
	}

	private String stay() {
		String code = "S" + TestTrips.token(11);
		ActorContext
			.callAs(Actor.job("test"),
					() -> catalog.createStay(new StayDraft(code, "Reconciled Stay", "Driftland", "Drift",
							new BigDecimal("80.00"), "EUR", 2,
							new StayContent(1, "<p>stay</p>", null, List.of(), List.of(), List.of(), Map.of()))));
		return code;
	}

	private void replaceContent(String code, String description) {
		TestTrips.replace(catalog, TestTrips.draft(code, "Reconciled " + code, "Drift Bay",
				Instant.parse("2097-01-10T08:00:00Z"), "250.00", TestTrips.content(1, description, "second.jpg")));
	}

	/**
	 * Every event of the codes delivered, so that no late projection undoes the drift the
	 * test makes.
	 */
	private void awaitSettled(String... codes) {
		for (String code : codes) {
			await().atMost(PROJECTION)
				.until(() -> OutboxEvents.incomplete(context, code) == 0
						&& (document("trip_content", code) != null || document("stay_content", code) != null));
		}
	}

	private Finding finding(ReconcileReport report, String code) {
		return report.findings().stream().filter(finding -> finding.code().equals(code)).findFirst().orElseThrow();
	}

	private Document document(String collection, String code) {
		return mongo.findById(code, Document.class, collection);
	}

	private void remove(String collection, String code) {
		mongo.remove(byCode(code), collection);
	}

	private static Query byCode(String code) {
		return Query.query(Criteria.where("_id").is(code));
	}

}
