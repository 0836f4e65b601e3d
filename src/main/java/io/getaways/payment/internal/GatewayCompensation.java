package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.util.UUID;

import io.getaways.payment.PaymentGateway;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens at the gateway once the transaction that recorded a gateway call did not
 * commit. A charge is voided, so that no customer pays for a booking that was never
 * confirmed. A refund cannot be taken back, so it is logged with everything an operator
 * needs to record it.
 */
@Component
class GatewayCompensation {

	private static final Logger log = LoggerFactory.getLogger(GatewayCompensation.class);

	private final PaymentRepository payments;

	private final TransactionTemplate ownTransaction;

	GatewayCompensation(PaymentRepository payments, TransactionTemplate transactions) {
		this.payments = payments;
		this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.ownTransaction.setReadOnly(true);
	}

	TransactionSynchronization voidUnlessCommitted(PaymentGateway gateway, UUID paymentId, UUID bookingId,
			String reference, BigDecimal amount) {
		return new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED || status == STATUS_UNKNOWN && recorded(paymentId, reference)) {
					return;
				}
				try {
					gateway.voidCharge(reference, amount);
					log.warn("Payments: voided charge {} of {} for booking {}: its transaction did not commit",
							reference, amount, bookingId);
				}
				catch (RuntimeException ex) {
					log.error("Payments: charge {} of {} for booking {} was not recorded and could not be voided; "
							+ "void it at the gateway", reference, amount, bookingId, ex);
				}
			}
		};
	}

	TransactionSynchronization reportUnlessCommitted(PaymentRecord payment, String reference, BigDecimal amount) {
		return new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					log.error(
							"Payments: refund {} of {} {} against charge {} (payment {}, booking {}) was issued by "
									+ "the gateway but its transaction {}; check it and record it by hand",
							reference, amount, payment.currency(), payment.gatewayReference(), payment.id(),
							payment.bookingId(), status == STATUS_UNKNOWN ? "may not have committed" : "rolled back");
				}
			}
		};
	}

	/**
	 * After a commit whose outcome is unknown, the row tells: it exists exactly when the
	 * commit happened.
	 */
	private boolean recorded(UUID paymentId, String reference) {
		try {
			return ActorContext.callAs(Actor.job("payment-void"),
					() -> ownTransaction.execute(status -> payments.find(paymentId).isPresent()));
		}
		catch (RuntimeException ex) {
			// cannot tell: keeping a charge that may be unrecorded is fixed by a refund;
			// voiding a recorded one is not
			log.error("Payments: cannot tell whether payment {} was recorded; charge {} is kept, check it", paymentId,
					reference, ex);
			return true;
		}
	}

}
