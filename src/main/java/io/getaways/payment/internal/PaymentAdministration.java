package io.getaways.payment.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.getaways.payment.RefundReceipt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads behind the admin views. They run under the caller's database role like every
 * read, so only the admin role's row-level security policy makes every user's payments
 * visible here.
 */
@Service
class PaymentAdministration {

	private final PaymentSearch search;

	private final PaymentRepository payments;

	PaymentAdministration(PaymentSearch search, PaymentRepository payments) {
		this.search = search;
		this.payments = payments;
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

}
