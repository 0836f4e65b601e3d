package io.getaways.audit.internal;

import java.time.Instant;

import io.getaways.audit.AuditLog;
import io.getaways.audit.AuditQuery;
import io.getaways.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/audit")
@PreAuthorize("hasAuthority('audit:read')")
@Tag(name = "Audit", description = "Read the audit log (admins and auditors)")
class AuditController {

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping
	@Operation(summary = "Search the audit log, newest first",
			description = "Every filter optional; from is inclusive, to exclusive, both ISO-8601 instants.")
	AuditPageResponse search(
			@RequestParam(required = false) @Pattern(regexp = "[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?",
					message = "must be a table name such as app.trips, or events") String table,
			@RequestParam(required = false) @Size(min = 1, max = 200) String recordId,
			@RequestParam(required = false) @Size(min = 1, max = 200) String userId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(AuditQuery.MAX_SIZE) int size) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidParameterException("from", "must be before to");
		}
		return AuditPageResponse.of(auditLog.search(new AuditQuery(table, recordId, userId, from, to, page, size)));
	}

}
