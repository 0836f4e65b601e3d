package io.getaways.payment.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param latency added to every gateway call, to see how a slow gateway holds transactions open; at most a minute
 * @param failureRate share of captures declined at random, from 0.0 (none) to 1.0 (all)
 */
@ConfigurationProperties("getaways.payments.simulated")
record SimulatedGatewaySettings(Duration latency, Double failureRate) {

	static final Duration MAX_LATENCY = Duration.ofMinutes(1);

	SimulatedGatewaySettings {
		latency = latency == null ? Duration.ZERO : latency;
		failureRate = failureRate == null ? 0.0 : failureRate;
		if (latency.isNegative() || latency.compareTo(MAX_LATENCY) > 0) {
			throw new IllegalArgumentException(
					"getaways.payments.simulated.latency must be between 0 and 1m but was " + latency);
		}
		if (failureRate.isNaN() || failureRate < 0.0 || failureRate > 1.0) {
			throw new IllegalArgumentException(
					"getaways.payments.simulated.failure-rate must be between 0.0 and 1.0 but was " + failureRate);
		}
	}
}
