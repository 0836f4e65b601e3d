package io.getaways.payment.internal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The payment module's settings as Spring binds them at startup: defaults, and bad values named in the failure. */
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
			"getaways.payments.simulated.failure-rate=1.5 | getaways.payments.simulated.failure-rate | 1.5",
			"getaways.payments.simulated.failure-rate=-0.1 | getaways.payments.simulated.failure-rate | -0.1",
			"getaways.payments.simulated.failure-rate=often | getaways.payments.simulated.failure-rate | often",
			"getaways.payments.simulated.latency=-1s | getaways.payments.simulated.latency | PT-1S",
			"getaways.payments.simulated.latency=2m | getaways.payments.simulated.latency | PT2M",
			"getaways.payments.idempotency.wait=5m | getaways.payments.idempotency.wait | PT5M",
			"getaways.payments.idempotency.retention=10s | getaways.payments.idempotency.retention | PT10S",
			"getaways.payments.idempotency.abandon-after=1s | getaways.payments.idempotency.abandon-after | PT1S" })
	void aBadValueFailsStartupNamingThePropertyAndTheValue(String setting, String property, String value) {
		runner.withPropertyValues(setting).run(context -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains(property).contains(value);
		});
	}

	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}
}
