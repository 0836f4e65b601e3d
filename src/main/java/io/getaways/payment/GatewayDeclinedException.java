package io.getaways.payment;

/**
 * The gateway refused a charge or a refund; the reason is the gateway's, safe to show the
 * customer.
 */
public class GatewayDeclinedException extends RuntimeException {

	private final String reason;

	public GatewayDeclinedException(String reason) {
		super("Declined by the payment gateway: " + reason);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}

}
