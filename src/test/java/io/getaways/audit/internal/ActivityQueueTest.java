package io.getaways.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.getaways.audit.ActivityKind;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ActivityQueueTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ActivityQueue queue = new ActivityQueue(
			new ActivitySettings(2, 10, Duration.ofSeconds(1), Duration.ofDays(1)), meters);

	@Test
	void anonymousCallersRecordNothingAndSignedInOnesRecordTheirOwnUser() {
		ActorContext.runAs(Actor.anonymous(), () -> queue.record(ActivityKind.VIEW, Map.of("tripCode", "A")));
		assertThat(queue.drain(10)).isEmpty();

		Actor traveller = Actor.anonymous().withUser("user-1", "user@example.com", Actor.Role.CUSTOMER);
		ActorContext.runAs(traveller, () -> queue.record(ActivityKind.VIEW, Map.of("tripCode", "B")));
		assertThat(queue.drain(10)).singleElement().satisfies(event -> {
			assertThat(event.userId()).isEqualTo("user-1");
			assertThat(event.details()).containsEntry("tripCode", "B");
		});
	}

	@Test
	void aFullQueueDropsAndCounts() {
		for (int i = 0; i < 3; i++) {
			queue.record("user-1", ActivityKind.SEARCH, Map.of("q", "beach"));
		}
		assertThat(queue.drain(10)).hasSize(2);
		assertThat(meters.get("getaways.activity.dropped").tag("reason", "queue-full").counter().count()).isEqualTo(1);
	}

}
