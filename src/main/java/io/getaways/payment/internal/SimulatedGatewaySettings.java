package io.getaways.payment.internal;

import java.time.Duration;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.AtMost;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param latency added to every gateway call, to see how a slow gateway holds
 * transactions open; at most a minute
 * @param failureRate share of captures declined at random, from 0.0 (none) to 1.0 (all)
 */
@ConfigurationProperties("getaways.payments.simulated")
@Validated
record SimulatedGatewaySettings(@DefaultValue("0s") @AtLeast("0s") @AtMost("1m") Duration latency,
		@DefaultValue("0.0") @AtLeast("0.0") @AtMost("1.0") double failureRate) {
}
