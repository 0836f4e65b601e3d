package io.getaways.platform.config;

import java.time.Duration;

import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that need code report like any constraint: on the property they are about, with
 * its value.
 */
class SettingsRulesTest {

	@ConfigurationProperties("test.rules")
	@Validated
	record Ruled(@DefaultValue("3") @AtLeast("1") int keep, @DefaultValue("2") int keepWal,
			@DefaultValue("x{y}$z") String pattern, @Valid @DefaultValue Delays delays) implements SettingsRules {

		@Override
		public void checkRules(Rules rules) {
			rules.require(keepWal <= keep, "keepWal", "must not exceed keep", keep);
			rules.require(!pattern.contains("!"), "pattern", "must not hold {an exclamation mark} or ${it}");
		}
	}

	record Delays(@DefaultValue("10ms") Duration initial,
			@DefaultValue("400ms") Duration max) implements SettingsRules {

		@Override
		public void checkRules(Rules rules) {
			rules.require(initial.compareTo(max) <= 0, "initial", "must not exceed max", max);
		}
	}

	@Test
	void rulesThatHoldLetTheSettingsBind() {
		assertThat(TestSettings.bind(Ruled.class, "test.rules.keep-wal=3").keepWal()).isEqualTo(3);
	}

	@Test
	void aBrokenRuleNamesItsPropertyTheOtherValueAndItsOwn() {
		assertThat(TestSettings.rejections(Ruled.class, "test.rules.keep-wal=4"))
			.containsExactly("test.rules.keep-wal must not exceed keep (3) but was 4");
	}

	@Test
	void theValueReportedIsTheDefaultWhenTheOtherPropertyBrokeTheRule() {
		assertThat(TestSettings.rejections(Ruled.class, "test.rules.keep=1"))
			.containsExactly("test.rules.keep-wal must not exceed keep (1) but was 2");
	}

	@Test
	void aRuleOfANestedRecordIsReportedUnderItsName() {
		assertThat(TestSettings.rejections(Ruled.class, "test.rules.delays.initial=1s"))
			.containsExactly("test.rules.delays.initial must not exceed max (400ms) but was 1s");
	}

	@Test
	void bracesAndDollarSignsInARequirementAreTakenLiterally() {
		assertThat(TestSettings.rejections(Ruled.class, "test.rules.pattern=a!"))
			.containsExactly("test.rules.pattern must not hold {an exclamation mark} or ${it} but was \"a!\"");
	}

	@Test
	void ruleAndConstraintFailuresAreReportedTogether() {
		assertThat(TestSettings.rejections(Ruled.class, "test.rules.keep=0")).containsExactlyInAnyOrder(
				"test.rules.keep must be at least 1 but was 0",
				"test.rules.keep-wal must not exceed keep (0) but was 2");
	}

}
