package io.getaways.payment;

import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/**
 * The gateway refused a refund. Nothing is recorded and the caller's change (such as a
 * cancellation) rolls back, so the customer can try again rather than lose the refund.
 */
public class RefundDeclinedException extends DomainException {

	private final UUID bookingId;

	private final String reason;

	public RefundDeclinedException(UUID bookingId, String reason) {
		super(Kind.UPSTREAM_FAILED, "The payment gateway refused the refund for booking " + bookingId + ": " + reason);
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
