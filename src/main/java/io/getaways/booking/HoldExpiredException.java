package io.getaways.booking;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/**
 * The seats or dates were held until a time that has passed; the booking can no longer be
 * paid.
 */
public class HoldExpiredException extends DomainException {

	private final UUID id;

	private final Instant expiredAt;

	public HoldExpiredException(UUID id, Instant expiredAt) {
		super(Kind.CONFLICT, "The hold of booking " + id + " expired at " + expiredAt);
		this.id = id;
		this.expiredAt = expiredAt;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", id.toString(), "holdExpiredAt", expiredAt.toString());
	}

}
