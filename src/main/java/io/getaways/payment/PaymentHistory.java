package io.getaways.payment;

/**
 * Payments taken in another system, brought in by an import: recorded as they were,
 * without the gateway, in the caller's transaction, as an admin. No event is published:
 * nobody is notified of history.
 */
public interface PaymentHistory {

	/**
	 * Records the payment; a second capture of one booking is refused by the table (one
	 * capture per booking), failing the caller's transaction or savepoint.
	 */
	PaymentReceipt importPayment(ImportedPayment payment);

}
