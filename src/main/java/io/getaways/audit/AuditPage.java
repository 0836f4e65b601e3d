package io.getaways.audit;

import java.util.List;

public record AuditPage(List<AuditEntry> items, int page, int size, long totalItems) {

	public long totalPages() {
		return size == 0 ? 0 : (totalItems + size - 1) / size;
	}
}
