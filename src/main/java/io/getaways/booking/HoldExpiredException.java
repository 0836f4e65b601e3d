package io.getaways.booking;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** The seats or dates were held until a time that has passed; the booking can no longer be paid. */
public class HoldExpiredException extends ApiException {

	private final UUID id;
	private final Instant expiredAt;

	public HoldExpiredException(UUID id, Instant expiredAt) {
		super(HttpStatus.CONFLICT, "The hold of booking " + id + " expired at " + expiredAt);
		this.id = id;
		this.expiredAt = expiredAt;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", id.toString(), "holdExpiredAt", expiredAt.toString());
	}
}
