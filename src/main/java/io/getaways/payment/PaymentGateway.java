package io.getaways.payment;

import java.math.BigDecimal;

/**
 * The port to whatever moves the money. The payment module calls it inside the booking's
 * transaction and keeps only the references it returns, never card data. A simulated
 * adapter ships as the default; a real one replaces it by being a bean of this type (see
 * docs/payments.md).
 *
 * <p>
 * Adapters throw {@link GatewayDeclinedException} when the gateway refuses; any other
 * exception means the outcome is unknown, and the caller's transaction rolls back.
 */
public interface PaymentGateway {

	/**
	 * Charges the amount and returns the gateway's reference of the charge.
	 * @param merchantReference what the charge is for (the booking id), shown to
	 * operators at the gateway
	 * @param idempotencyToken unique per charge attempt: the gateway charges once per
	 * token, however often it is sent
	 */
	String capture(BigDecimal amount, String currency, String merchantReference, String idempotencyToken);

	/**
	 * Returns up to the charged amount of a charge, and the gateway's reference of the
	 * refund.
	 */
	String refund(String gatewayReference, BigDecimal amount);

	/**
	 * Cancels a charge whose recording never committed. Gateways that cannot void a
	 * settled charge refund it whole, which is what this default does.
	 */
	default void voidCharge(String gatewayReference, BigDecimal amount) {
		refund(gatewayReference, amount);
	}

}
