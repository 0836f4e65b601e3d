package io.getaways.platform.degradation;

import java.time.Duration;

import io.getaways.support.HttpApi;

import static org.awaitility.Awaitility.await;

/**
 * Waits for a restarted store as a client sees it, through {@code /actuator/health}, so
 * that an outage test leaves the shared servers usable for the tests after it.
 */
final class StoreHealth {

	private static final Duration RESTART = Duration.ofSeconds(60);

	private StoreHealth() {
	}

	/** {@code component} is {@code mongo}, {@code redis} or {@code postgres}. */
	static void awaitUp(HttpApi http, String component) {
		await("health of " + component).atMost(RESTART)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> http.get("/actuator/health")
				.json()
				.path("components")
				.path(component)
				.path("status")
				.asString(), "UP"::equals);
	}

}
