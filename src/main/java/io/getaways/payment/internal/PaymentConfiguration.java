package io.getaways.payment.internal;

import io.getaways.payment.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulated gateway is the default; {@code getaways.payments.gateway} set to anything
 * else leaves it out, and the application then needs another {@link PaymentGateway} bean
 * (a real adapter) to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SimulatedGatewaySettings.class, IdempotencySettings.class })
class PaymentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PaymentConfiguration.class);

	@Bean
	@ConditionalOnProperty(name = "getaways.payments.gateway", havingValue = "simulated", matchIfMissing = true)
	SimulatedPaymentGateway simulatedPaymentGateway(SimulatedGatewaySettings settings) {
		log.warn("Payments: the simulated gateway is in use (latency {}, failure rate {}); no money moves",
				settings.latency(), settings.failureRate());
		return new SimulatedPaymentGateway(settings);
	}

}
