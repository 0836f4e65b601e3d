package io.getaways.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.getaways.platform.StoreMetrics.Store;
import io.getaways.platform.embedded.EmbeddedMongoServer;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A store's circuit over a real outage: it opens, fails fast, shows in metrics, and
 * closes when the store returns.
 */
@IntegrationTest
class StoreCircuitsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StoreCircuits circuits;

	@Test
	void mongoCircuitOpensDuringAnOutageFailsFastAndClosesAfterIt() {
		Assumptions.assumeFalse(TestStores.external(), "stops the embedded MongoDB");
		HttpApi http = new HttpApi(port);
		TestAccounts accounts = new TestAccounts(http);
		String token = TestAccounts.accessToken(accounts.newCustomer());
		EmbeddedMongoServer server = TestStores.embedded(context).mongo();
		server.stop();
		try {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
				assertThat(accounts.get("/api/v1/me/preferences", token).status()).isEqualTo(503);
				return circuits.state(Store.MONGO) == CircuitBreaker.State.OPEN;
			});
			long started = System.nanoTime();
			assertThat(accounts.get("/api/v1/me/preferences", token).status()).isEqualTo(503);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
			assertThat(http.get("/actuator/prometheus").body()).contains(
					"resilience4j_circuitbreaker_state{application=\"getaways\",name=\"mongo\",state=\"open\"} 1.0");
		}
		finally {
			server.restart();
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> accounts.get("/api/v1/me/preferences", token).status() == 200
					&& circuits.state(Store.MONGO) == CircuitBreaker.State.CLOSED);
	}

}
