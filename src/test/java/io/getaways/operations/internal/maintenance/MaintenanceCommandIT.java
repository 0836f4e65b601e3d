package io.getaways.operations.internal.maintenance;

import java.nio.file.Path;

import io.getaways.support.CommandLineRuns.Result;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.CommandLineRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code maintenance run|report} as an operator runs it, on a data directory of its own.
 */
class MaintenanceCommandIT {

	@TempDir
	Path dataDir;

	@Test
	void runShowsProgressAndEndsWithOneLineThenReportGivesJson() {
		assumeFalse(TestStores.external(), "needs a database of its own");
		Result up = run("--data-dir=" + dataDir, "migrate", "up");
		assertThat(up.exitCode()).as(up.toString()).isZero();

		Result maintained = run("maintenance", "run", "--data-dir=" + dataDir);

		assertThat(maintained.exitCode()).as(maintained.toString()).isZero();
		assertThat(maintained.out()).contains("maintenance: partitions: started", "maintenance: created partition",
				"maintenance: refreshed view revenue_monthly", "maintenance: analyzed", "Slowest statements: ");
		assertThat(maintained.out()).containsPattern(
				"\nmaintenance run complete: partitions ok \\([^\n]*\\); refresh ok \\([^\n]*\\); analyze ok \\(");

		Result report = run("maintenance", "report", "--json", "--data-dir=" + dataDir);
		assertThat(report.exitCode()).as(report.toString()).isZero();
		// the JSON document is printed indented, between the task context's log lines
		String out = report.out();
		JsonNode json = MaintenanceCommand.JSON.readTree(out.substring(out.indexOf("\n{") + 1, out.indexOf("\n}") + 2));
		assertThat(json.path("slowStatementsNote").asString()).isNotBlank();
		assertThat(json.path("defaultPartitionRows").isArray()).isTrue();

		Result bogus = run("maintenance", "vacuum-everything", "--data-dir=" + dataDir);
		assertThat(bogus.exitCode()).isNotZero();
		assertThat(bogus.err()).contains("vacuum-everything");
	}

}
