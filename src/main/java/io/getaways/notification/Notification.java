package io.getaways.notification;

import java.time.Instant;
import java.util.Map;

/**
 * One message to one user. The id is derived from what caused it (kind and booking), so a
 * cause delivered twice queues one notification.
 */
public record Notification(String id, String userId, NotificationKind kind, Map<String, Object> facts,
		Instant createdAt) {
}
