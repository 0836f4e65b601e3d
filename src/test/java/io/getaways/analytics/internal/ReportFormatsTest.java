package io.getaways.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.getaways.analytics.internal.Report.Coverage;
import io.getaways.platform.JsonRows;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV, content negotiation, column names and partition names, without a server. */
class ReportFormatsTest {

	@Test
	void csvIsChosenOnlyWhenRankedAboveJson() {
		assertThat(ReportController.wantsCsv("text/csv")).isTrue();
		assertThat(ReportController.wantsCsv("text/csv, application/json;q=0.5")).isTrue();
		assertThat(ReportController.wantsCsv("application/json, text/csv;q=0.5")).isFalse();
		assertThat(ReportController.wantsCsv("*/*")).isFalse();
		assertThat(ReportController.wantsCsv(null)).isFalse();
	}

	@Test
	void csvQuotesWhatMustBeQuotedAndDisarmsFormulas() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("term", "=HYPERLINK(\"x\")");
		row.put("searches", 3L);
		row.put("note", "a, \"b\"");
		row.put("net", new java.math.BigDecimal("-5.00"));
		Report report = new Report("searches", "top", LocalDate.EPOCH, LocalDate.EPOCH.plusDays(1), Instant.EPOCH,
				new Coverage(LocalDate.EPOCH, LocalDate.EPOCH.plusDays(1)), List.of("term", "searches", "note", "net"),
				List.of(row));

		assertThat(ReportController.csv(report))
			.isEqualTo("term,searches,note,net\r\n\"'=HYPERLINK(\"\"x\"\")\",3,\"a, \"\"b\"\"\",-5.00\r\n");
	}

	@Test
	void columnsAreCamelCaseAndPartitionsNameTheirMonth() {
		assertThat(JsonRows.camel("nights_sold")).isEqualTo("nightsSold");
		assertThat(JsonRows.camel("month")).isEqualTo("month");
		assertThat(RecordedTable.SEARCH_EVENTS.partition(YearMonth.of(2027, 1))).isEqualTo("search_events_p202701");
		assertThat(RecordedTable.monthOf("listing_views_p202612")).contains(YearMonth.of(2026, 12));
		assertThat(RecordedTable.monthOf("listing_views_default")).isEmpty();
	}

}
