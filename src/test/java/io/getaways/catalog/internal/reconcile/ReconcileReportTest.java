package io.getaways.catalog.internal.reconcile;

import java.util.List;
import java.util.Map;

import io.getaways.catalog.internal.content.ContentKind;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Drift;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Finding;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Outcome;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Sizes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileReportTest {

	private static final Map<ContentKind, Sizes> SIZES = Map.of(ContentKind.TRIP, new Sizes(3, 2), ContentKind.STAY,
			new Sizes(1, 1));

	private static final Finding REPAIRED = new Finding(ContentKind.TRIP, "TAAA", Drift.MISSING, Outcome.REPAIRED, 2L,
			null, "version 2 from a completed outbox event");

	private static final Finding AHEAD = new Finding(ContentKind.STAY, "SBBB", Drift.AHEAD, Outcome.UNREPAIRED, 1L, 3L,
			"the document is newer than PostgreSQL knows; left as it is");

	@Test
	void cleanWhenNothingIsLeftUnrepaired() {
		assertThat(new ReconcileReport(false, SIZES, List.of(REPAIRED)).clean()).isTrue();
		assertThat(new ReconcileReport(false, SIZES, List.of(REPAIRED, AHEAD)).clean()).isFalse();
	}

	@Test
	void aDryRunIsCleanOnlyWithoutAnyDrift() {
		assertThat(new ReconcileReport(true, SIZES, List.of(REPAIRED)).clean()).isFalse();
		assertThat(new ReconcileReport(true, SIZES, List.of()).clean()).isTrue();
	}

	@Test
	void linesNameSizesEveryFindingAndTheCounts() {
		assertThat(new ReconcileReport(false, SIZES, List.of(REPAIRED, AHEAD)).lines()).containsExactly(
				"catalog reconcile: trips 3 rows / 2 documents; stays 1 rows / 1 documents",
				"repaired   trip TAAA                 missing row v2, document none: version 2 from a completed outbox event",
				"unrepaired stay SBBB                 ahead   row v1, document v3: the document is newer than PostgreSQL "
						+ "knows; left as it is",
				"repaired 1, removed 0, unrepaired 1");
		assertThat(new ReconcileReport(true, SIZES, List.of(REPAIRED)).lines()).startsWith(
				"catalog reconcile (dry run, nothing changed): trips 3 rows / 2 documents; stays 1 rows / 1 documents",
				"repairable trip TAAA                 missing row v2, document none: version 2 from a completed outbox "
						+ "event")
			.endsWith("repairable 1, removable 0, unrepaired 0");
	}

}
