package io.getaways.notification.internal;

import java.time.Instant;

/**
 * One notification as its user reads it in the inbox: a sentence made from its facts,
 * when it was made, and when it was read ({@code readAt} null and {@code read} false
 * while unread).
 */
public record InboxItem(String id, String kind, String message, String bookingId, Instant createdAt, Instant readAt,
		boolean read) {

	static InboxItem of(String id, String kind, String message, String bookingId, Instant createdAt, Instant readAt) {
		return new InboxItem(id, kind, message, bookingId, createdAt, readAt, readAt != null);
	}

}
