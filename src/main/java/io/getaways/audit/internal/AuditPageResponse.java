package io.getaways.audit.internal;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.getaways.audit.AuditEntry;
import io.getaways.audit.AuditPage;

record AuditPageResponse(List<Entry> items, int page, int size, long totalItems, long totalPages) {

	static AuditPageResponse of(AuditPage page) {
		return new AuditPageResponse(page.items().stream().map(Entry::of).toList(), page.page(), page.size(),
				page.totalItems(), page.totalPages());
	}

	/**
	 * Row images are JSON that PostgreSQL wrote, so they are passed through as JSON, not
	 * as strings.
	 */
	record Entry(long id, Instant occurredAt, String transactionId, String table, String recordId, String operation,
			@JsonRawValue String oldRow, @JsonRawValue String newRow, String actorUserId, String actor, String clientIp,
			String userAgent, String requestId, String contentHash, boolean sealed) {

		static Entry of(AuditEntry entry) {
			return new Entry(entry.id(), entry.occurredAt(), Long.toString(entry.transactionId()), entry.tableName(),
					entry.recordId(), entry.operation(), entry.oldRow(), entry.newRow(), entry.actorUserId(),
					entry.actor(), entry.clientIp(), entry.userAgent(), entry.requestId(), entry.contentHash(),
					entry.sealed());
		}
	}
}
