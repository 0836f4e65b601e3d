package io.getaways.audit;

import java.time.Instant;

/**
 * One audit log entry. Row images and details are JSON text exactly as stored, with
 * secret columns masked.
 *
 * @param tableName schema-qualified table, or {@code events}
 * @param operation INSERT, UPDATE, DELETE, or an event kind such as LOGIN_SUCCESS
 * @param sealed whether the entry is part of the hash chain yet
 */
public record AuditEntry(long id, Instant occurredAt, long transactionId, String tableName, String recordId,
		String operation, String oldRow, String newRow, String actorUserId, String actor, String clientIp,
		String userAgent, String requestId, String contentHash, boolean sealed) {
}
