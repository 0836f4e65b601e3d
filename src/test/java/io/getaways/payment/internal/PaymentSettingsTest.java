package io.getaways.payment.internal;

import io.getaways.platform.config.InvalidSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment module's settings as Spring binds them at startup: defaults, and bad values
 * named in the failure.
 */
class PaymentSettingsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PaymentConfiguration.class)
		.withBean(SimpleMeterRegistry.class);

	@Test
	void withNothingConfiguredTheSimulatedGatewayRunsWithoutLatencyOrDeclines() {
		runner.run(context -> {
			assertThat(context).hasSingleBean(SimulatedPaymentGateway.class);
			assertThat(context.getBean(SimulatedGatewaySettings.class))
				.isEqualTo(new SimulatedGatewaySettings(java.time.Duration.ZERO, 0.0));
			IdempotencySettings idempotency = context.getBean(IdempotencySettings.class);
			assertThat(idempotency.duplicateWait()).hasSeconds(10);
			assertThat(idempotency.retention()).hasHours(24);
		});
	}

	@Test
	void anotherGatewayLeavesTheSimulatedOneOut() {
		runner.withPropertyValues("getaways.payments.gateway=acme")
			.run(context -> assertThat(context).doesNotHaveBean(SimulatedPaymentGateway.class));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"simulated.failure-rate=1.5 | simulated.failure-rate must be at most 1.0 but was 1.5",
			"simulated.failure-rate=-0.1 | simulated.failure-rate must be at least 0.0 but was -0.1",
			"simulated.failure-rate=often | simulated.failure-rate must be a number but was \"often\"",
			"simulated.latency=-1s | simulated.latency must be at least 0s but was -1s",
			"simulated.latency=2m | simulated.latency must be at most 1m but was 2m",
			"idempotency.wait=2m | idempotency.wait must be at most 1m but was 2m",
			"idempotency.abandon-after=1s | idempotency.abandon-after must be longer than wait (10s) but was 1s",
			"idempotency.retention=2m | idempotency.abandon-after must not exceed retention (2m) but was 5m" })
	void aBadValueFailsStartupWithOneLineNamingThePropertyAndTheValue(String setting, String line) {
		runner.withPropertyValues("getaways.payments." + setting).run(context -> {
			assertThat(context).hasFailed();
			assertThat(InvalidSettings.lines(context.getStartupFailure())).containsExactly("getaways.payments." + line);
		});
	}

	@Test
	void aShortRetentionAlsoBreaksTheRuleOfTheDefaultAbandonAfter() {
		runner.withPropertyValues("getaways.payments.idempotency.retention=10s")
			.run(context -> assertThat(InvalidSettings.lines(context.getStartupFailure())).containsExactlyInAnyOrder(
					"getaways.payments.idempotency.retention must be at least 1m but was 10s",
					"getaways.payments.idempotency.abandon-after must not exceed retention (10s) but was 5m"));
	}

}
