package io.getaways.ops;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.getaways.ops.OpsFiles.Rule;
import io.getaways.ops.OpsFiles.Target;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus scrapes this test's Getaways every second with
 * ops/prometheus/getaways-rules.yml loaded (each alert's {@code for:} cut to 1s in its
 * copy, evaluation every second): every series the rules and the dashboard read is
 * scraped, every rule evaluates and every recording rule yields a value, every dashboard
 * query parses and runs, and the store-circuit alert fires while a circuit is open and
 * resolves once it closes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPrometheusIT {

	private static final String CIRCUIT_ALERT = "GetawaysStoreCircuitOpen";

	@LocalServerPort
	int port;

	@Autowired
	StoreMetrics stores;

	@Autowired
	MeterRegistry registry;

	private PrometheusServer prometheus;

	@BeforeAll
	void startPrometheusAndMakeTraffic() throws Exception {
		Optional<Path> binary = PrometheusTools.find("prometheus");
		if (binary.isEmpty()) {
			PrometheusTools.failIfRequired("prometheus");
			return;
		}
		prometheus = PrometheusServer.scraping(binary.get(), port);
		makeTraffic();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(prometheus.isAlive()).as(prometheus::log).isTrue();
			JsonNode targets = prometheus.get("targets").path("data").path("activeTargets");
			assertThat(targets.size()).isEqualTo(1);
			assertThat(targets.get(0).path("health").asString()).as(targets.toString()).isEqualTo("up");
		});
		// two scrapes after the traffic, so that every rate has two samples to work with
		Thread.sleep(2500);
		makeTraffic();
	}

	/**
	 * Per test rather than in @BeforeAll: Surefire reports a class-level skip as zero
	 * tests and drops the reason.
	 */
	@BeforeEach
	void skipWithoutPrometheus() {
		assumeTrue(prometheus != null, () -> "Skipped: " + PrometheusTools.missing("prometheus"));
	}

	@AfterAll
	void stopPrometheus() throws Exception {
		if (prometheus != null) {
			prometheus.close();
		}
	}

	@Test
	void everySeriesTheRulesAndTheDashboardReadIsScraped() throws IOException {
		Set<String> wanted = new TreeSet<>();
		OpsFiles.rules().forEach(rule -> wanted.addAll(PromQl.seriesNames(rule.expr())));
		OpsFiles.dashboardTargets().forEach(target -> wanted.addAll(PromQl.seriesNames(target.expr())));
		wanted.removeIf(PromQl::isRecordingRule);
		assertThat(wanted).contains("http_server_requests_seconds_count", "resilience4j_circuitbreaker_state", "up");
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Set<String> scraped = new TreeSet<>();
			prometheus.get("label/__name__/values").path("data").forEach(name -> scraped.add(name.asString()));
			assertThat(scraped).containsAll(wanted);
		});
	}

	@Test
	void everyRuleEvaluatesAndEveryRecordingRuleYieldsAValue() throws IOException {
		List<String> recorded = OpsFiles.rules().stream().filter(rule -> !rule.isAlert()).map(Rule::name).toList();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			List<String> unhealthy = new ArrayList<>();
			for (JsonNode group : prometheus.get("rules").path("data").path("groups")) {
				for (JsonNode rule : group.path("rules")) {
					if (!rule.path("health").asString().equals("ok")) {
						unhealthy.add(rule.path("name").asString() + ": " + rule.path("health").asString() + " "
								+ rule.path("lastError").asString());
					}
				}
			}
			assertThat(unhealthy).isEmpty();
			List<String> empty = recorded.stream().filter(name -> prometheus.query(name).isEmpty()).toList();
			assertThat(empty).as("recording rules without a value").isEmpty();
		});
	}

	@Test
	void everyDashboardQueryParsesAndRuns() throws IOException {
		for (Target target : OpsFiles.dashboardTargets()) {
			String expr = URLEncoder.encode(target.expr(), StandardCharsets.UTF_8);
			JsonNode parsed = prometheus.get("format_query?query=" + expr);
			assertThat(parsed.path("status").asString()).as(target.panel() + ": " + parsed).isEqualTo("success");
			JsonNode ran = prometheus.get("query?query=" + expr);
			assertThat(ran.path("status").asString()).as(target.panel() + ": " + ran).isEqualTo("success");
		}
	}

	/**
	 * Opens the real Redis circuit by calls that fail the way an unreachable store does,
	 * through the same {@link StoreMetrics} every store call passes, and keeps it from
	 * closing until the alert fired; the shared embedded Redis itself keeps running for
	 * the other tests.
	 */
	@Test
	void storeCircuitAlertFiresWhileACircuitIsOpenAndResolvesWhenItCloses() {
		assertThat(prometheus.firingAlerts()).doesNotContain(CIRCUIT_ALERT);
		ScheduledExecutorService outage = Executors.newSingleThreadScheduledExecutor();
		try {
			outage.scheduleWithFixedDelay(this::failingRedisCall, 0, 5, TimeUnit.MILLISECONDS);
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
				JsonNode alert = prometheus.alert(CIRCUIT_ALERT);
				assertThat(alert.path("state").asString()).isEqualTo("firing");
				assertThat(alert.path("labels").path("name").asString()).isEqualTo("redis");
				assertThat(alert.path("labels").path("severity").asString()).isEqualTo("critical");
				assertThat(alert.path("annotations").path("runbook_url").asString())
					.isEqualTo("docs/operations/alerts/" + CIRCUIT_ALERT + ".md");
			});
		}
		finally {
			outage.shutdownNow();
			closeRedisCircuit();
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(prometheus.firingAlerts()).doesNotContain(CIRCUIT_ALERT));
	}

	private void failingRedisCall() {
		try {
			stores.record(Store.REDIS, "ops.alert-drill", (Supplier<Object>) () -> {
				throw new DataAccessResourceFailureException("alert drill: Redis unreachable");
			});
		}
		catch (RuntimeException expected) {
			// refused by the open circuit, or the drill's own failure
		}
	}

	/**
	 * Trial calls that succeed, once the open state's wait has passed, close the circuit
	 * as a returning store does.
	 */
	private void closeRedisCircuit() {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			try {
				stores.record(Store.REDIS, "ops.alert-drill", (Supplier<Object>) () -> null);
			}
			catch (RuntimeException stillOpen) {
				// the circuit's open-duration has not passed yet
			}
			return registry.get("resilience4j.circuitbreaker.state")
				.tags("name", "redis", "state", "closed")
				.gauge()
				.value() == 1.0;
		});
	}

	private void makeTraffic() {
		HttpApi http = new HttpApi(port);
		TestAccounts accounts = new TestAccounts(http);
		for (int i = 0; i < 3; i++) {
			assertThat(http.get("/api/v1/trips").status()).isEqualTo(200);
			assertThat(http.get("/api/v1/stays").status()).isEqualTo(200);
		}
		String email = TestAccounts.email();
		assertThat(accounts.register(email, "Metrics Reader", TestAccounts.PASSWORD).status()).isEqualTo(201);
		accounts.signIn(email);
		assertThat(accounts.login(email, "not the password", TestAccounts.address()).status()).isEqualTo(401);
		assertThat(http.get("/api/v1/bookings").status()).isEqualTo(401);
	}

}
