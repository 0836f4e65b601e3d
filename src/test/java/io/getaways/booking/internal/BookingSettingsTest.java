package io.getaways.booking.internal;

import java.time.Duration;
import java.util.List;

import io.getaways.platform.config.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code getaways.bookings.*} as startup binds it: defaults when unset, and each rejected
 * value in one line.
 */
class BookingSettingsTest {

	@Test
	void unsetSettingsTakeTheirDefaults() {
		assertThat(TestSettings.bind(BookingSettings.class)).isEqualTo(new BookingSettings(Duration.ofMinutes(15), 10,
				60, 100, new BookingSettings.Refund(List.of("30d:100", "7d:50")),
				new BookingSettings.Retry(5, Duration.ofMillis(10), Duration.ofMillis(400)), 0, Duration.ofSeconds(5),
				Duration.ofHours(48)));
	}

	@Test
	void zeroConcurrentTransactionsIsAValueOfItsOwnNotAnError() {
		assertThat(TestSettings.rejections(BookingSettings.class, "getaways.bookings.max-concurrent-transactions=0",
				"getaways.bookings.transaction-wait=0s", "getaways.bookings.retry.initial-delay=0ms"))
			.isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "max-seats=0 | max-seats must be at least 1 but was 0",
					"max-nights=-1 | max-nights must be at least 1 but was -1",
					"job-batch-size=0 | job-batch-size must be at least 1 but was 0",
					"job-batch-size=10001 | job-batch-size must be at most 10000 but was 10001",
					"hold-duration=0s | hold-duration must be positive but was 0s",
					"max-concurrent-transactions=-1 | max-concurrent-transactions must be at least 0 but was -1",
					"transaction-wait=-1s | transaction-wait must be at least 0s but was -1s",
					"retry.max-attempts=0 | retry.max-attempts must be at least 1 but was 0",
					"retry.max-attempts=21 | retry.max-attempts must be at most 20 but was 21",
					"retry.initial-delay=1s | retry.initial-delay must not exceed max-delay (400ms) but was 1s",
					"refund.tiers=30d:50,7d:100 | refund.tiers must be notice:percent pairs such as 30d:100, "
							+ "one per notice, each percent from 0 to 100 and none higher than a longer notice's "
							+ "but was [30d:50, 7d:100]" })
	void aBadValueIsRejectedInOneLineNamingThePropertyAndTheValue(String setting, String line) {
		assertThat(TestSettings.rejections(BookingSettings.class, "getaways.bookings." + setting))
			.containsExactly("getaways.bookings." + line);
	}

}
