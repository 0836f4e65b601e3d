package io.getaways.booking.internal;

import io.getaways.booking.BookingCancelled;
import io.getaways.booking.BookingCompleted;
import io.getaways.booking.BookingConfirmed;
import io.getaways.booking.BookingPlaced;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code getaways.bookings.transitions{transition, reason}}: counted from the events
 * after commit, so a rolled-back booking is never counted. Synchronous, like the trip
 * cache eviction: counting cannot fail, and the outbox marks each publication complete as
 * soon as it ran.
 */
@Component
class BookingMetrics {

	private final MeterRegistry meters;

	private final Counter placed;

	private final Counter confirmed;

	private final Counter completed;

	BookingMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.placed = counter("placed", "none");
		this.confirmed = counter("confirmed", "none");
		this.completed = counter("completed", "none");
	}

	@TransactionalEventListener
	void on(BookingPlaced event) {
		placed.increment();
	}

	@TransactionalEventListener
	void on(BookingConfirmed event) {
		confirmed.increment();
	}

	@TransactionalEventListener
	void on(BookingCancelled event) {
		counter("cancelled", event.reason().name()).increment();
	}

	@TransactionalEventListener
	void on(BookingCompleted event) {
		completed.increment();
	}

	private Counter counter(String transition, String reason) {
		return Counter.builder("getaways.bookings.transitions")
			.description("Bookings that reached a status, counted after commit")
			.tag("transition", transition)
			.tag("reason", reason)
			.register(meters);
	}

}
