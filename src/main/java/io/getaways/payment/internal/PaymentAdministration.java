package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.getaways.payment.Payments;
import io.getaways.payment.RefundReceipt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and refunds behind the admin views. They run under the caller's database role
 * like every read, so only the admin role's row-level security policy makes every user's
 * payments visible here.
 */
@Service
class PaymentAdministration {

	private final PaymentSearch search;

	private final PaymentRepository payments;

	private final Payments ledger;

	PaymentAdministration(PaymentSearch search, PaymentRepository payments, Payments ledger) {
		this.search = search;
		this.payments = payments;
		this.ledger = ledger;
	}

	record Page(List<PaymentRecord> items, int page, int size, long totalItems) {
	}

	record Details(PaymentRecord payment, List<RefundReceipt> refunds) {
	}

	@Transactional(readOnly = true)
	Page search(PaymentQuery query) {
		return new Page(search.search(query), query.page(), query.size(), search.count(query));
	}

	@Transactional(readOnly = true)
	Optional<Details> find(UUID id) {
		return payments.find(id).map(payment -> new Details(payment, payments.refundsOfPayment(payment.id())));
	}

	/**
	 * Refunds part or all of what is left of a captured payment through the gateway, as
	 * the admin who asked; empty when the payment is not a capture.
	 */
	@Transactional
	Optional<RefundReceipt> refund(UUID paymentId, BigDecimal amount, String reason) {
		PaymentRecord payment = payments.find(paymentId).orElseThrow(() -> new PaymentNotFoundException(paymentId));
		return ledger.refund(payment.bookingId(), amount, reason);
	}

}
