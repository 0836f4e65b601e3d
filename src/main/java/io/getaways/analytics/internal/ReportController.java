package io.getaways.analytics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.getaways.analytics.ReportRefresh;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins' reports over the materialized views, as JSON or, with {@code Accept: text/csv},
 * as CSV. Every answer says when its view was refreshed, in the body and in the
 * {@code Report-Refreshed-At} header.
 */
@RestController
@RequestMapping("/api/v1/admin/reports")
@Tag(name = "Reports", description = "Revenue, occupancy, booking funnel and searches, from the report views")
class ReportController {

	private static final Logger log = LoggerFactory.getLogger(ReportController.class);

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final ReportQueries queries;

	private final ReportViews views;

	ReportController(ReportQueries queries, ReportViews views) {
		this.queries = queries;
		this.views = views;
	}

	@PostMapping("/refresh")
	@Operation(
			summary = "Refresh every report view now, CONCURRENTLY: readers keep the previous data until each "
					+ "view's refresh commits",
			description = "Synchronous; answers each view's refresh time and duration.")
	List<ReportRefresh> refresh() {
		return views.refreshAll(line -> log.info("Analytics (on demand): {}", line));
	}

	@GetMapping(path = "/{report:revenue|occupancy|funnel|searches}",
			produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "One report over a window of days",
			description = "from inclusive, to exclusive (ISO dates, UTC); both default to what the view covers. "
					+ "groupBy: revenue month|listing|month-listing, occupancy departure|stay-month|stay, "
					+ "funnel week|week-kind, searches top|no-result (with limit). A window outside the view's "
					+ "coverage answers 400 naming the window it covers.")
	ResponseEntity<?> report(@PathVariable String report,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) Integer limit,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		Report answer = queries.run(report, groupBy, from, to, limit);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
			.header("Report-Refreshed-At", String.valueOf(answer.refreshedAt()));
		if (wantsCsv(accept)) {
			return ok.contentType(CSV).body(csv(answer));
		}
		return ok.contentType(MediaType.APPLICATION_JSON).body(answer);
	}

	/** CSV when the client ranks it above JSON. */
	static boolean wantsCsv(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
				return false;
			}
			if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
				return true;
			}
		}
		return false;
	}

	static String csv(Report report) {
		StringBuilder out = new StringBuilder();
		out.append(String.join(",", report.columns())).append("\r\n");
		for (Map<String, Object> row : report.rows()) {
			boolean first = true;
			for (String column : report.columns()) {
				out.append(first ? "" : ",").append(Csv.cell(row.get(column)));
				first = false;
			}
			out.append("\r\n");
		}
		return out.toString();
	}

}
