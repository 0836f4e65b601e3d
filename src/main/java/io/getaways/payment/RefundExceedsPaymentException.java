package io.getaways.payment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/** A refund larger than what is left of the payment after earlier refunds. */
public class RefundExceedsPaymentException extends DomainException {

	private final UUID bookingId;

	private final BigDecimal refundable;

	public RefundExceedsPaymentException(UUID bookingId, BigDecimal requested, BigDecimal refundable, String currency) {
		super(Kind.CONFLICT, "Refund of " + requested.toPlainString() + " " + currency + " for booking " + bookingId
				+ " exceeds the " + refundable.toPlainString() + " " + currency + " left to refund");
		this.bookingId = bookingId;
		this.refundable = refundable;
	}

	public UUID bookingId() {
		return bookingId;
	}

	public BigDecimal refundable() {
		return refundable;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", bookingId.toString(), "refundable", refundable);
	}

}
