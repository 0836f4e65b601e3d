package io.getaways.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.getaways.ops.OpsFiles.Rule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ops/prometheus/getaways-rules.yml loads in Prometheus and every alert carries what an
 * on-call engineer needs.
 */
class RulesFileTest {

	@Test
	void promtoolAcceptsTheRules() throws Exception {
		Path promtool = PrometheusTools.require("promtool");
		Process check = new ProcessBuilder(promtool.toString(), "check", "rules", PrometheusTools.RULES.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS");
	}

	@Test
	void everyAlertHasASeverityADurationAndARunbookPageThatExplainsIt() throws IOException {
		List<Rule> alerts = OpsFiles.rules().stream().filter(Rule::isAlert).toList();
		assertThat(alerts).isNotEmpty();
		for (Rule alert : alerts) {
			assertThat(alert.labels().get("severity")).as(alert.name()).isIn("critical", "warning");
			assertThat(alert.fields().get("for")).as(alert.name() + " for:").isNotNull();
			assertThat(alert.annotations()).as(alert.name()).containsKeys("summary", "description");
			String runbook = alert.annotations().get("runbook_url");
			assertThat(runbook).as(alert.name()).isEqualTo("docs/operations/alerts/" + alert.name() + ".md");
			Path page = Path.of(runbook);
			assertThat(page).as(alert.name() + " runbook").exists();
			assertThat(Files.readString(page)).as(runbook)
				.startsWith("# " + alert.name())
				.contains("## What it means", "## What to look at", "## What to do");
		}
	}

	@Test
	void everyRecordingRuleTheAlertsReadIsDefinedEarlierInTheFile() throws IOException {
		List<Rule> rules = OpsFiles.rules();
		for (int i = 0; i < rules.size(); i++) {
			Set<String> definedBefore = rules.subList(0, i)
				.stream()
				.filter(rule -> !rule.isAlert())
				.map(Rule::name)
				.collect(Collectors.toSet());
			for (String name : PromQl.seriesNames(rules.get(i).expr())) {
				if (PromQl.isRecordingRule(name)) {
					assertThat(definedBefore).as(rules.get(i).name() + " reads " + name).contains(name);
				}
			}
		}
	}

	@Test
	void seriesNamesAreWhatAnExpressionReads() {
		assertThat(PromQl.seriesNames("""
				sum by (route_group, le) (label_replace(rate(http_server_requests_seconds_bucket{uri!~"/a.*"}[5m]),
				  "g", "$1", "uri", "x")) / on (job) max(up{job="getaways"} offset 5m) * 60 > 1e9
				  # a comment's words are no series
				  or getaways:http_requests:rate5m and time() - process_uptime_seconds > 93600
				""")).containsExactly("getaways:http_requests:rate5m", "http_server_requests_seconds_bucket",
				"process_uptime_seconds", "up");
	}

}
