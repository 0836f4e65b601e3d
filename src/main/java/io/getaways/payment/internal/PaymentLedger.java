package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.getaways.payment.BookingAlreadyPaidException;
import io.getaways.payment.GatewayDeclinedException;
import io.getaways.payment.PaymentCaptured;
import io.getaways.payment.PaymentDeclinedException;
import io.getaways.payment.PaymentGateway;
import io.getaways.payment.PaymentReceipt;
import io.getaways.payment.Payments;
import io.getaways.payment.RefundDeclinedException;
import io.getaways.payment.RefundExceedsPaymentException;
import io.getaways.payment.RefundIssued;
import io.getaways.payment.RefundReceipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Money moves through the gateway inside the caller's transaction and is recorded in it,
 * so a payment exists exactly when the booking change it pays for commits. What the
 * gateway did in a transaction that then rolled back cannot be undone by the rollback:
 * charges are voided after it, refunds are logged for an operator (see
 * {@link GatewayCompensation}).
 */
@Service
class PaymentLedger implements Payments {

	private static final Logger log = LoggerFactory.getLogger(PaymentLedger.class);

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	/** numeric(12, 2): ten digits before the point. */
	private static final BigDecimal LIMIT = new BigDecimal("10000000000");

	private final PaymentRepository payments;

	private final PaymentGateway gateway;

	private final GatewayCompensation compensation;

	private final ApplicationEventPublisher events;

	private final Counter declines;

	PaymentLedger(PaymentRepository payments, PaymentGateway gateway, GatewayCompensation compensation,
			ApplicationEventPublisher events, MeterRegistry registry) {
		this.payments = payments;
		this.gateway = gateway;
		this.compensation = compensation;
		this.events = events;
		this.declines = Counter.builder("getaways.payments.declines")
			.description("Captures the payment gateway declined")
			.register(registry);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public PaymentReceipt capture(UUID bookingId, UUID userId, BigDecimal amount, String currency) {
		Objects.requireNonNull(bookingId, "bookingId");
		Objects.requireNonNull(userId, "userId");
		requireAmount(amount);
		requireCurrency(currency);
		if (payments.isPaid(bookingId)) {
			throw new BookingAlreadyPaidException(bookingId);
		}
		// the payment's own id is the gateway's idempotency token: one token per attempt,
		// so a retried call charges
		// once, and a concurrent second attempt (which will lose on the unique index)
		// never shares the winner's charge
		UUID paymentId = UUID.randomUUID();
		String reference;
		try {
			reference = gateway.capture(amount, currency, bookingId.toString(), paymentId.toString());
		}
		catch (GatewayDeclinedException ex) {
			declines.increment();
			log.info("Payments: capture of {} {} for booking {} declined: {}", amount, currency, bookingId,
					ex.reason());
			throw new PaymentDeclinedException(bookingId, ex.reason());
		}
		TransactionSynchronizationManager.registerSynchronization(
				compensation.voidUnlessCommitted(gateway, paymentId, bookingId, reference, amount));
		PaymentRecord payment;
		try {
			payment = payments.insertCaptured(paymentId, bookingId, userId, amount, currency, reference);
		}
		catch (DuplicateKeyException ex) {
			throw new BookingAlreadyPaidException(bookingId);
		}
		events.publishEvent(new PaymentCaptured(payment.id(), bookingId, userId, amount, currency, reference));
		return payment.receipt();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<RefundReceipt> refund(UUID bookingId, BigDecimal amount, String reason) {
		Objects.requireNonNull(bookingId, "bookingId");
		if (amount == null || amount.signum() == 0) {
			return Optional.empty();
		}
		requireAmount(amount);
		if (reason == null || reason.isBlank() || reason.length() > 200) {
			throw new IllegalArgumentException("A refund needs a reason of 1 to 200 characters but had " + reason);
		}
		Optional<PaymentRecord> captured = payments.lockCaptured(bookingId);
		if (captured.isEmpty()) {
			return Optional.empty();
		}
		PaymentRecord payment = captured.get();
		if (amount.compareTo(payment.refundable()) > 0) {
			throw new RefundExceedsPaymentException(bookingId, amount, payment.refundable(), payment.currency());
		}
		String reference;
		try {
			reference = gateway.refund(payment.gatewayReference(), amount);
		}
		catch (GatewayDeclinedException ex) {
			log.warn("Payments: refund of {} {} for booking {} declined: {}", amount, payment.currency(), bookingId,
					ex.reason());
			throw new RefundDeclinedException(bookingId, ex.reason());
		}
		TransactionSynchronizationManager
			.registerSynchronization(compensation.reportUnlessCommitted(payment, reference, amount));
		if (!payments.addRefunded(payment.id(), amount)) {
			// the row is locked since lockCaptured, so only a writer bypassing this
			// module gets here
			throw new IllegalStateException("Payment " + payment.id() + " changed while locked for a refund");
		}
		RefundReceipt refund = payments.insertRefund(payment, amount, reference, reason);
		events.publishEvent(new RefundIssued(refund.id(), payment.id(), bookingId, amount, payment.currency()));
		return Optional.of(refund);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PaymentReceipt> paymentsOf(UUID bookingId) {
		return payments.paymentsOf(bookingId).stream().map(PaymentRecord::receipt).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<RefundReceipt> refundsOf(UUID bookingId) {
		return payments.refundsOf(bookingId);
	}

	/**
	 * The booking module validates what clients send; reaching here with bad money is a
	 * programming error.
	 */
	private static void requireAmount(BigDecimal amount) {
		if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
				|| amount.compareTo(LIMIT) >= 0) {
			throw new IllegalArgumentException(
					"An amount must be positive, below 10^10, with at most 2 decimals but was " + amount);
		}
	}

	private static void requireCurrency(String currency) {
		if (currency == null || !CURRENCY.matcher(currency).matches()) {
			throw new IllegalArgumentException("A currency must be an ISO 4217 code such as EUR but was " + currency);
		}
	}

}
