package io.getaways.booking;

/** Who or what ended a booking. */
public enum CancellationReason {

	/** The traveller cancelled; refunded by the refund policy. */
	CUSTOMER,
	/** An admin cancelled; always refunded in full. */
	ADMIN,
	/** Not paid before the hold ran out. */
	HOLD_EXPIRED,
	/** Reserved for a payment that fails after the booking was placed. */
	PAYMENT_FAILED

}
