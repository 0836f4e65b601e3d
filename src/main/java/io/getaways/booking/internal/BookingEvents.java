package io.getaways.booking.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.getaways.audit.Activity;
import io.getaways.audit.ActivityKind;
import io.getaways.booking.Booking;
import io.getaways.booking.BookingCancelled;
import io.getaways.booking.BookingCompleted;
import io.getaways.booking.BookingConfirmed;
import io.getaways.booking.BookingPlaced;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes each transition's event inside its transaction, so the outbox stores it with
 * the change. The traveller's activity stream hears of a new booking after commit,
 * directly rather than through the outbox: activity may be lost, and an outbox listener
 * would add two transactions to every booking.
 */
@Component
class BookingEvents {

	private final ApplicationEventPublisher events;

	private final Activity activity;

	BookingEvents(ApplicationEventPublisher events, Activity activity) {
		this.events = events;
		this.activity = activity;
	}

	void placed(Booking b) {
		events.publishEvent(new BookingPlaced(b.id(), b.userId(), b.tripCode(), b.stayCode(), b.quantity(),
				b.totalAmount(), b.currency(), b.holdExpiresAt()));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("bookingId", b.id().toString());
		details.put("tripCode", b.tripCode());
		details.put("stayCode", b.stayCode());
		details.put("quantity", b.quantity());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				activity.record(b.userId().toString(), ActivityKind.BOOKING, details);
			}
		});
	}

	void confirmed(Booking b, UUID paymentId) {
		events.publishEvent(new BookingConfirmed(b.id(), b.userId(), b.tripCode(), b.stayCode(), b.totalAmount(),
				b.currency(), paymentId));
	}

	void cancelled(Booking b) {
		events.publishEvent(new BookingCancelled(b.id(), b.userId(), b.tripCode(), b.stayCode(), b.cancellationReason(),
				b.refundAmount(), b.currency()));
	}

	void completed(Booking b) {
		events.publishEvent(new BookingCompleted(b.id(), b.userId(), b.tripCode(), b.stayCode()));
	}

}
