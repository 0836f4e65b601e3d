package io.getaways.ops;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import io.getaways.ops.OpsFiles.Rule;
import io.getaways.ops.OpsFiles.Target;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ops/grafana/getaways.json imports anywhere and reads only recording rules the rules
 * file defines.
 */
class DashboardFileTest {

	@Test
	void everyPanelHasAUnitThresholdsAndTheImportedDataSource() throws IOException {
		JsonNode dashboard = OpsFiles.dashboard();
		assertThat(dashboard.path("__inputs").get(0).path("name").asString()).isEqualTo("DS_PROMETHEUS");
		int panels = 0;
		for (JsonNode panel : dashboard.get("panels")) {
			if (panel.path("type").asString().equals("row")) {
				continue;
			}
			panels++;
			String title = panel.path("title").asString();
			JsonNode defaults = panel.path("fieldConfig").path("defaults");
			assertThat(defaults.path("unit").asString()).as(title + " unit").isNotBlank();
			assertThat(defaults.path("thresholds").path("steps").size()).as(title + " thresholds").isPositive();
			assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo("${DS_PROMETHEUS}");
			assertThat(panel.path("targets").size()).as(title + " queries").isPositive();
		}
		assertThat(panels).isGreaterThan(20);
	}

	@Test
	void everyRecordingRuleThePanelsReadIsDefined() throws IOException {
		Set<String> recorded = OpsFiles.rules()
			.stream()
			.filter(rule -> !rule.isAlert())
			.map(Rule::name)
			.collect(Collectors.toSet());
		for (Target target : OpsFiles.dashboardTargets()) {
			for (String name : PromQl.seriesNames(target.expr())) {
				if (PromQl.isRecordingRule(name)) {
					assertThat(recorded).as(target.panel() + " reads " + name).contains(name);
				}
			}
		}
	}

	@Test
	void theDashboardHasTheSectionsAnOperatorLooksFor() throws IOException {
		Set<String> rows = OpsFiles.dashboard()
			.get("panels")
			.valueStream()
			.filter(panel -> panel.path("type").asString().equals("row"))
			.map(panel -> panel.path("title").asString())
			.collect(Collectors.toSet());
		assertThat(rows).contains("Overview", "Bookings and payments", "Stores", "Outbox and jobs", "Security");
	}

}
