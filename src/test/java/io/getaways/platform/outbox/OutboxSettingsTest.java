package io.getaways.platform.outbox;

import java.time.Duration;

import io.getaways.platform.config.TestSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code getaways.outbox.*} as startup binds it. */
class OutboxSettingsTest {

	@Test
	void unsetSettingsTakeTheirDefaults() {
		assertThat(TestSettings.bind(OutboxSettings.class)).isEqualTo(new OutboxSettings(Duration.ofSeconds(30),
				Duration.ofMinutes(1), 100, Duration.ofDays(7), Duration.ofMinutes(5), Duration.ofSeconds(5), 100_000));
	}

	@Test
	void anExplicitZeroIsRejectedRatherThanReadAsTheDefault() {
		assertThat(TestSettings.rejections(OutboxSettings.class, "getaways.outbox.marks-queue-capacity=0",
				"getaways.outbox.resubmit-batch-size=0", "getaways.outbox.retention=0s"))
			.containsExactlyInAnyOrder("getaways.outbox.marks-queue-capacity must be at least 1 but was 0",
					"getaways.outbox.resubmit-batch-size must be at least 1 but was 0",
					"getaways.outbox.retention must be positive but was 0s");
	}

	@Test
	void statusMayBeReadFreshEachTime() {
		assertThat(TestSettings.bind(OutboxSettings.class, "getaways.outbox.status-cache-time=0s").statusCacheTime())
			.isZero();
	}

}
