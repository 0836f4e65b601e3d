package io.getaways.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one shape of a rejected setting, and values spelled as configuration spells them.
 */
class InvalidSettingsTest {

	@ConfigurationProperties("test.lines")
	@Validated
	record Limits(@DefaultValue("10") @AtLeast("1") int maxSeats) {
	}

	@ConfigurationProperties("test.failing")
	record Failing(String text) {

		Failing {
			if ("boom".equals(text)) {
				throw new IllegalStateException("not a settings failure");
			}
		}
	}

	enum Unit {

		SECONDS, MINUTES

	}

	@ConfigurationProperties("test.kinds")
	@Validated
	record Kinds(Double share, Duration delay, boolean enabled, Unit unit) {
	}

	@Test
	void aLineNamesThePropertyWithItsPrefixInKebabCaseWhatItMustBeAndTheValue() {
		assertThat(TestSettings.rejections(Limits.class, "test.lines.maxSeats=0"))
			.containsExactly("test.lines.max-seats must be at least 1 but was 0");
	}

	@Test
	void aValueThatIsNotOfThePropertysTypeGetsALineOfTheSameShape() {
		assertThat(TestSettings.rejections(Limits.class, "test.lines.max-seats=lots"))
			.containsExactly("test.lines.max-seats must be a whole number but was \"lots\"");
		assertThat(TestSettings.rejections(Limits.class, "test.lines.max-seats="))
			.containsExactly("test.lines.max-seats must be a whole number but was \"\"");
		assertThat(TestSettings.rejections(Kinds.class, "test.kinds.share=often"))
			.containsExactly("test.kinds.share must be a number but was \"often\"");
		assertThat(TestSettings.rejections(Kinds.class, "test.kinds.delay=soon"))
			.containsExactly("test.kinds.delay must be a duration such as 500ms, 30s, 5m or 1d but was \"soon\"");
		assertThat(TestSettings.rejections(Kinds.class, "test.kinds.enabled=maybe"))
			.containsExactly("test.kinds.enabled must be true or false but was \"maybe\"");
		assertThat(TestSettings.rejections(Kinds.class, "test.kinds.unit=WEEKS"))
			.containsExactly("test.kinds.unit must be one of SECONDS, MINUTES but was \"WEEKS\"");
	}

	@Test
	void aFailureThatIsNotAboutSettingsHasNoLines() {
		assertThat(InvalidSettings.lines(new IllegalStateException("other", new RuntimeException()))).isEmpty();
		assertThat(InvalidSettings.lines(null)).isEmpty();
		assertThatThrownBy(() -> TestSettings.bind(Failing.class, "test.failing.text=boom"))
			.satisfies(failure -> assertThat(InvalidSettings.lines(failure)).isEmpty());
	}

	@Test
	void durationsAreShownInTheirLargestExactUnit() {
		assertThat(List
			.of(Duration.ZERO, Duration.ofDays(90), Duration.ofHours(26), Duration.ofMinutes(90),
					Duration.ofSeconds(-1), Duration.ofMillis(1500), Duration.ofMillis(-1500), Duration.ofNanos(1500),
					Duration.ofNanos(7))
			.stream()
			.map(InvalidSettings::show))
			.containsExactly("0s", "90d", "26h", "90m", "-1s", "1500ms", "-1500ms", "1500ns", "7ns");
		assertThat(InvalidSettings.show(Duration.ofDays(1_000_000))).isEqualTo("1000000d");
	}

	@Test
	void textsAreQuotedSoThatABlankOneShowsAndOtherValuesAreAsTheyPrint() {
		assertThat(InvalidSettings.show("")).isEqualTo("\"\"");
		assertThat(InvalidSettings.show("0 30 2 * *")).isEqualTo("\"0 30 2 * *\"");
		assertThat(InvalidSettings.show(-0.5)).isEqualTo("-0.5");
		assertThat(InvalidSettings.show(null)).isEqualTo("null");
		assertThat(InvalidSettings.show(List.of("7d:100"))).isEqualTo("[7d:100]");
		assertThat(InvalidSettings.show(Path.of("/backups"))).isEqualTo("/backups");
	}

}
