package io.getaways.payment.internal;

import io.getaways.payment.PaymentCaptured;
import io.getaways.payment.RefundIssued;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Money captured and refunded, per currency, counted once the recording transaction
 * commits. Delivery through the outbox is at least once, so after a crash a resubmitted
 * event may count twice: good for dashboards, not for accounting, which reads
 * app.payments.
 */
@Component
class PaymentEventMetrics {

	private final MeterRegistry registry;

	PaymentEventMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener
	void captured(PaymentCaptured event) {
		summary("getaways.payments.captured", "Payments captured, by currency", event.currency())
			.record(event.amount().doubleValue());
	}

	@TransactionalEventListener
	void refunded(RefundIssued event) {
		summary("getaways.payments.refunded", "Refunds issued, by currency", event.currency())
			.record(event.amount().doubleValue());
	}

	private DistributionSummary summary(String name, String description, String currency) {
		// Micrometer returns the registered meter for a known name and tags, so this
		// registers once per currency
		return DistributionSummary.builder(name).description(description).tag("currency", currency).register(registry);
	}

}
