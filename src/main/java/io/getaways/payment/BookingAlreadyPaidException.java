package io.getaways.payment;

import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/**
 * A booking has one captured payment at most; a second capture is refused before the
 * gateway is asked.
 */
public class BookingAlreadyPaidException extends DomainException {

	private final UUID bookingId;

	public BookingAlreadyPaidException(UUID bookingId) {
		super(Kind.CONFLICT, "Booking " + bookingId + " is already paid");
		this.bookingId = bookingId;
	}

	public UUID bookingId() {
		return bookingId;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", bookingId.toString());
	}

}
