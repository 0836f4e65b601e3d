package io.getaways.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.getaways.platform.embedded.EmbeddedPostgresServer;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * PostgreSQL stopped under a running service: requests that need it answer 503 within two
 * seconds, concurrent ones included (nothing queues behind a dead pool), health says
 * DOWN, and the service recovers by itself.
 */
@IntegrationTest
class PostgresOutageIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void answers503QuicklyWhileDownAndRecoversWithoutRestart() throws Exception {
		Assumptions.assumeFalse(TestStores.external(), "stops the embedded PostgreSQL");
		HttpApi http = new HttpApi(port);
		TestAccounts accounts = new TestAccounts(http);
		String token = TestAccounts.accessToken(accounts.newCustomer());
		assertThat(accounts.get("/api/v1/me", token).status()).isEqualTo(200);

		EmbeddedPostgresServer postgres = TestStores.embedded(context).postgres();
		postgres.stop();
		long stoppedAt = System.nanoTime();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			Callable<Long> request = () -> {
				long started = System.nanoTime();
				Answer answer = accounts.get("/api/v1/me", token);
				assertThat(answer.status()).isEqualTo(503);
				assertThat(answer.contentType()).startsWith("application/problem+json");
				assertThat(answer.header("Retry-After")).isNotNull();
				return (System.nanoTime() - started) / 1_000_000;
			};
			var answers = clients.invokeAll(java.util.Collections.nCopies(16, request));
			List<Long> millis = new ArrayList<>();
			for (Future<Long> answer : answers) {
				millis.add(answer.get());
			}
			Collections.sort(millis);
			// the server bounds each wait by the pool's 1 s connection timeout; the
			// client's clock also counts a busy
			// test machine, so the bound is on the median, with headroom for the slowest
			assertThat(millis.get(millis.size() / 2)).as("median milliseconds to answer of %s", millis)
				.isLessThan(2_000);
			assertThat(millis.get(millis.size() - 1)).as("slowest milliseconds to answer of %s", millis)
				.isLessThan(3_000);
			Answer health = http.get("/actuator/health/readiness");
			assertThat(health.status()).as(health.body()).isEqualTo(503);
			assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
		}
		finally {
			clients.shutdownNow();
			postgres.restart();
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> accounts.get("/api/v1/me", token).status() == 200);
		assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
		// Jobs that asked for a connection during the outage wait up to their pool's
		// timeout and fail only then, after the restart, which opens the shared circuit
		// once more; the tests after this one share the context, so leave only once those
		// waits are over and a request gets through again.
		Duration jobsWait = Duration.ofMillis(
				context.getEnvironment().getRequiredProperty("getaways.db.pools.jobs.connection-timeout", Long.class));
		await().atMost(jobsWait.plusSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> System.nanoTime() - stoppedAt > jobsWait.plusSeconds(1).toNanos()
					&& accounts.get("/api/v1/me", token).status() == 200);
	}

}
