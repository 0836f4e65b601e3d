package io.getaways.notification.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.getaways.booking.BookingCancelled;
import io.getaways.booking.BookingConfirmed;
import io.getaways.notification.Notification;
import io.getaways.notification.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues a notification for each confirmed or cancelled booking, after commit and through
 * the outbox: while MongoDB is down the event stays incomplete and is queued when it
 * returns; a second delivery queues nothing more.
 */
@Component
class BookingNotifications {

	private final NotificationStore store;

	BookingNotifications(NotificationStore store) {
		this.store = store;
	}

	@ApplicationModuleListener
	void confirmed(BookingConfirmed event) {
		Map<String, Object> facts = target(event.tripCode(), event.stayCode());
		facts.put("bookingId", event.bookingId().toString());
		facts.put("amount", event.amount() == null ? null : event.amount().toPlainString());
		facts.put("currency", event.currency());
		queue("booking-confirmed:" + event.bookingId(), event.userId().toString(), NotificationKind.BOOKING_CONFIRMED,
				facts);
	}

	@ApplicationModuleListener
	void cancelled(BookingCancelled event) {
		Map<String, Object> facts = target(event.tripCode(), event.stayCode());
		facts.put("bookingId", event.bookingId().toString());
		facts.put("reason", event.reason().name());
		facts.put("refundAmount", event.refundAmount() == null ? null : event.refundAmount().toPlainString());
		facts.put("currency", event.currency());
		queue("booking-cancelled:" + event.bookingId(), event.userId().toString(), NotificationKind.BOOKING_CANCELLED,
				facts);
	}

	private void queue(String id, String userId, NotificationKind kind, Map<String, Object> facts) {
		facts.values().removeIf(java.util.Objects::isNull);
		store.queue(new Notification(id, userId, kind, facts, Instant.now()));
	}

	private static Map<String, Object> target(String tripCode, String stayCode) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("tripCode", tripCode);
		facts.put("stayCode", stayCode);
		return facts;
	}

}
