package io.getaways.payment;

import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

public class PaymentDeclinedException extends DomainException {

	private final UUID bookingId;

	private final String reason;

	public PaymentDeclinedException(UUID bookingId, String reason) {
		super(Kind.DECLINED, "Payment for booking " + bookingId + " was declined: " + reason);
		this.bookingId = bookingId;
		this.reason = reason;
	}

	public UUID bookingId() {
		return bookingId;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", bookingId.toString(), "reason", reason);
	}

}
