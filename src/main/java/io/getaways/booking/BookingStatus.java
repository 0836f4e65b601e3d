package io.getaways.booking;

/**
 * PENDING (seats or dates held) -> CONFIRMED (paid) -> COMPLETED (after the end), or
 * CANCELLED from either of the first two.
 */
public enum BookingStatus {

	PENDING, CONFIRMED, COMPLETED, CANCELLED

}
