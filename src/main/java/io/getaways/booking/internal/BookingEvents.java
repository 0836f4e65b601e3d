package io.getaways.booking.internal;

import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingCancelled;
import io.getaways.booking.BookingCompleted;
import io.getaways.booking.BookingConfirmed;
import io.getaways.booking.BookingPlaced;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes each transition's event inside its transaction, so the outbox stores it with the change. */
@Component
class BookingEvents {

	private final ApplicationEventPublisher events;

	BookingEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	void placed(Booking b) {
		events.publishEvent(new BookingPlaced(b.id(), b.userId(), b.tripCode(), b.stayCode(), b.quantity(),
				b.totalAmount(), b.currency(), b.holdExpiresAt()));
	}

	void confirmed(Booking b, UUID paymentId) {
		events.publishEvent(new BookingConfirmed(b.id(), b.userId(), b.tripCode(), b.stayCode(), b.totalAmount(),
				b.currency(), paymentId));
	}

	void cancelled(Booking b) {
		events.publishEvent(new BookingCancelled(b.id(), b.userId(), b.tripCode(), b.stayCode(),
				b.cancellationReason(), b.refundAmount(), b.currency()));
	}

	void completed(Booking b) {
		events.publishEvent(new BookingCompleted(b.id(), b.userId(), b.tripCode(), b.stayCode()));
	}
}
