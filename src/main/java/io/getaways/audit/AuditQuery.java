package io.getaways.audit;

import java.time.Instant;

/**
 * Filters and page of an audit log search; every filter is optional.
 *
 * @param table schema-qualified table name such as {@code app.trips}, or {@code events}
 * @param recordId the changed row's id or code, or what an event is about
 * @param userId the acting user's id
 * @param from earliest occurrence, inclusive
 * @param to latest occurrence, exclusive
 */
public record AuditQuery(String table, String recordId, String userId, Instant from, Instant to, int page, int size) {

	public static final int MAX_SIZE = 200;

	public AuditQuery {
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more but was " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + " but was " + size);
		}
	}

	public long offset() {
		return (long) page * size;
	}
}
