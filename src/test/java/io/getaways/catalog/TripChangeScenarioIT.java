package io.getaways.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.getaways.audit.Activity;
import io.getaways.booking.Bookings;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.review.Reviews;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog module with the modules whose beans it uses (platform, audit), not the
 * whole application: a trip change evicts the cached trip when it commits, and its
 * content reaches MongoDB through the outbox, after which reads cache the new version.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class TripChangeScenarioIT {

	private static final Duration PROJECTION = Duration.ofSeconds(30);

	private static final Instant DEPARTURE = Instant.now().plus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

	@Autowired
	Catalog catalog;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ApplicationContext context;

	@Test
	void onlyTheCatalogAndTheModulesWhoseBeansItUsesAreStarted() {
		assertThat(context.getBeanNamesForType(Bookings.class)).as("booking, which uses the catalog").isEmpty();
		assertThat(context.getBeanNamesForType(Reviews.class)).as("review, whose reviews the trip page shows")
			.hasSize(1);
		assertThat(context.getBeanNamesForType(Activity.class)).as("audit, whose bean it uses").hasSize(1);
	}

	@Test
	void aReplacedTripLeavesTheCacheAtOnceAndItsContentFollows(Scenario scenario) {
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Scenario Trip", "Scenario Bay", DEPARTURE, "500.00"));
		await().atMost(PROJECTION).untilAsserted(() -> {
			assertThat(catalog.findTrip(code)).hasValueSatisfying(trip -> assertThat(trip.contentAvailable()).isTrue());
			assertThat(redis.hasKey(key(code))).as("cached").isTrue();
		});
		TripDraft renamed = TestTrips.draft(code, "Renamed Scenario Trip", "Scenario Bay", DEPARTURE, "650.00",
				TestTrips.content(1, "<p>rewritten</p>", "new.jpg"));

		// catalog changes need an admin or a job as the actor, for the scenario's
		// transaction as well
		ActorContext.runAs(Actor.job("trip-scenario"),
				() -> scenario.stimulate(() -> catalog.replaceTrip(renamed))
					.andWaitAtMost(PROJECTION)
					.andWaitForEventOfType(TripContentChanged.class)
					// the creation above published version 1 of the content in this test
					// already
					.matching(changed -> changed.code().equals(code) && changed.content().version() == 2)
					.toArriveAndVerify((changed, replaced) -> {
						assertThat(changed.content().description()).isEqualTo("<p>rewritten</p>");
						assertThat(replaced.trip().contentVersion()).isEqualTo(2);
					}));
		assertThat(redis.hasKey(key(code))).as("evicted when the change committed").isFalse();

		TripDetails read = await().atMost(PROJECTION)
			.until(() -> catalog.findTrip(code).orElseThrow(), TripDetails::contentAvailable);
		assertThat(read.trip().name()).isEqualTo("Renamed Scenario Trip");
		assertThat(read.content().version()).isEqualTo(2);
		assertThat(read.content().description()).isEqualTo("<p>rewritten</p>");
		await().atMost(PROJECTION).untilAsserted(() -> {
			catalog.findTrip(code);
			assertThat(redis.hasKey(key(code))).as("cached again").isTrue();
		});
	}

	private static String key(String code) {
		return "getaways:trip:{" + code + "}";
	}

}
