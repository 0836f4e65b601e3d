package io.getaways.payment.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin's search of payments; every filter optional, {@code from} inclusive and
 * {@code to} exclusive.
 */
record PaymentQuery(UUID bookingId, UUID userId, String status, Instant from, Instant to, int page, int size) {

	static final int MAX_SIZE = 100;

	long offset() {
		return (long) page * size;
	}
}
