package io.getaways.platform.config;

import java.time.Duration;

import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each constraint of the convention: what it accepts, what it rejects, and the line it
 * reports.
 */
class SettingsConstraintsTest {

	@ConfigurationProperties("test.sample")
	@Validated
	record Sample(@DefaultValue("10") @AtLeast("1") @AtMost("20") int count,
			@DefaultValue("0.5") @AtLeast("0.0") @AtMost("1.0") double share,
			@DefaultValue("2s") @PositiveDuration Duration interval,
			@DefaultValue("1m") @AtLeast("0s") @AtMost("1h") Duration delay,
			@DefaultValue("name") @NonBlank String name, @Valid @DefaultValue Nested nested) {
	}

	record Nested(@DefaultValue("8192") @AtLeast("8192") int memoryKib) {
	}

	@Test
	void absentPropertiesTakeTheirDefaults() {
		assertThat(TestSettings.bind(Sample.class))
			.isEqualTo(new Sample(10, 0.5, Duration.ofSeconds(2), Duration.ofMinutes(1), "name", new Nested(8192)));
	}

	@Test
	void valuesOnTheLimitsAreAccepted() {
		assertThat(TestSettings.rejections(Sample.class, "test.sample.count=1", "test.sample.share=0",
				"test.sample.delay=0s", "test.sample.interval=1ns", "test.sample.nested.memory-kib=8192"))
			.isEmpty();
		assertThat(TestSettings.rejections(Sample.class, "test.sample.count=20", "test.sample.share=1.0",
				"test.sample.delay=60m"))
			.isEmpty();
	}

	@Test
	void atLeastRejectsANumberOrDurationBelowItsLimit() {
		assertThat(TestSettings.rejections(Sample.class, "test.sample.count=0"))
			.containsExactly("test.sample.count must be at least 1 but was 0");
		assertThat(TestSettings.rejections(Sample.class, "test.sample.share=-0.1"))
			.containsExactly("test.sample.share must be at least 0.0 but was -0.1");
		assertThat(TestSettings.rejections(Sample.class, "test.sample.delay=-1ms"))
			.containsExactly("test.sample.delay must be at least 0s but was -1ms");
	}

	@Test
	void atMostRejectsANumberOrDurationAboveItsLimit() {
		assertThat(TestSettings.rejections(Sample.class, "test.sample.count=21"))
			.containsExactly("test.sample.count must be at most 20 but was 21");
		assertThat(TestSettings.rejections(Sample.class, "test.sample.share=1.5"))
			.containsExactly("test.sample.share must be at most 1.0 but was 1.5");
		assertThat(TestSettings.rejections(Sample.class, "test.sample.delay=61m"))
			.containsExactly("test.sample.delay must be at most 1h but was 61m");
	}

	@Test
	void notANumberIsWithinNoLimit() {
		assertThat(TestSettings.rejections(Sample.class, "test.sample.share=NaN")).containsExactlyInAnyOrder(
				"test.sample.share must be at least 0.0 but was NaN",
				"test.sample.share must be at most 1.0 but was NaN");
	}

	@Test
	void positiveDurationRejectsZeroAndLess() {
		assertThat(TestSettings.rejections(Sample.class, "test.sample.interval=0"))
			.containsExactly("test.sample.interval must be positive but was 0s");
		assertThat(TestSettings.rejections(Sample.class, "test.sample.interval=-2h"))
			.containsExactly("test.sample.interval must be positive but was -2h");
	}

	@Test
	void nonBlankRejectsAnEmptyOrBlankText() {
		assertThat(TestSettings.rejections(Sample.class, "test.sample.name=  "))
			.containsExactly("test.sample.name must not be blank but was \"  \"");
	}

	@Test
	void aNestedRecordMarkedValidIsValidatedUnderItsOwnName() {
		assertThat(TestSettings.rejections(Sample.class, "test.sample.nested.memory-kib=1024"))
			.containsExactly("test.sample.nested.memory-kib must be at least 8192 but was 1024");
	}

	@Test
	void everyBrokenConstraintIsReportedAtOnce() {
		assertThat(TestSettings.rejections(Sample.class, "test.sample.count=0", "test.sample.interval=0s"))
			.containsExactlyInAnyOrder("test.sample.count must be at least 1 but was 0",
					"test.sample.interval must be positive but was 0s");
	}

}
