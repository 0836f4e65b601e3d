package io.getaways.platform.embedded;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.getaways.GetawaysApplication;
import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripDraft;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The whole application over a data directory of its own, started the way
 * {@code java -jar} starts it, for tests about the lifecycle of embedded mode that the
 * shared test servers must not go through.
 */
final class StandaloneApplication {

	private StandaloneApplication() {
	}

	static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(GetawaysApplication.class).run("--getaways.data-dir=" + dataDir,
				"--server.port=0", "--logging.level.io.zonky=WARN", "--logging.level.liquibase=WARN");
	}

	/**
	 * Creates a trip as a job and waits until the outbox has carried its content to
	 * MongoDB.
	 */
	static TripDetails createTripWithContent(ConfigurableApplicationContext context, String code) {
		Catalog catalog = context.getBean(Catalog.class);
		TripContent content = new TripContent(1, "A lifecycle test trip", "beach.jpg", List.of("beach.jpg"),
				List.of("Survives restarts"), List.of("lifecycle"), Map.of("season", "dry"));
		TripDraft draft = new TripDraft(code, "Lifecycle " + code, "Test Resort",
				Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS), 7, new BigDecimal("1234.50"),
				"USD", 20, content);
		ActorContext.callAs(Actor.job("lifecycle-test"), () -> catalog.createTrip(draft));
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> catalog.findTrip(code).orElseThrow(), TripDetails::contentAvailable);
	}

}
