package io.getaways.audit.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.getaways.audit.AuditLog;
import io.getaways.audit.AuditQuery;
import io.getaways.audit.VerificationResult;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's audit page: entries filtered by acting user, table, record and time
 * (UTC), newest first; the hash chain's last verdict on this instance; and a verification
 * run on demand, whose verdict the page shows and the chain gauges take.
 */
@Controller
@BrowserPage
@Hidden
@RequestMapping("/admin/audit")
class AdminAuditPagesController {

	static final int PAGE_SIZE = 50;

	private static final String TABLE = "[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?";

	private final AuditLog auditLog;

	private final AuditVerifyJob verifications;

	AdminAuditPagesController(AuditLog auditLog, AuditVerifyJob verifications) {
		this.auditLog = auditLog;
		this.verifications = verifications;
	}

	@GetMapping
	String browse(@RequestParam(required = false) String actor, @RequestParam(required = false) String table,
			@RequestParam(required = false) String record,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime to,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		Map<String, String> filter = new LinkedHashMap<>();
		filter.put("actor", blankless(actor));
		filter.put("table", blankless(table));
		filter.put("record", blankless(record));
		filter.put("from", from == null ? null : from.toString());
		filter.put("to", to == null ? null : to.toString());
		Map<String, String> errors = new LinkedHashMap<>();
		if (filter.get("table") != null && !filter.get("table").matches(TABLE)) {
			errors.put("table", "must be a table name such as app.trips, or events");
		}
		for (String field : new String[] { "actor", "record" }) {
			if (filter.get(field) != null && filter.get(field).length() > 200) {
				errors.put(field, "must be at most 200 characters");
			}
		}
		if (from != null && to != null && !from.isBefore(to)) {
			errors.put("to", "must be after from");
		}
		model.addAttribute("filter", filter);
		model.addAttribute("errors", errors);
		model.addAttribute("last", verifications.last());
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "admin/audit/log";
		}
		model.addAttribute("entries",
				auditLog.search(new AuditQuery(filter.get("table"), filter.get("record"), filter.get("actor"),
						from == null ? null : from.toInstant(ZoneOffset.UTC),
						to == null ? null : to.toInstant(ZoneOffset.UTC), Math.max(0, page), PAGE_SIZE)));
		return "admin/audit/log";
	}

	@PostMapping("/verify")
	String verify(Model model) {
		VerificationResult result = auditLog.verify();
		verifications.record(result);
		model.addAttribute("result", result);
		model.addAttribute("last", verifications.last());
		return "admin/audit/verified";
	}

	private static String blankless(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
