package figures;

import static figures.Rows.met;
import static figures.Rows.n;
import static figures.Rows.plain;

import tools.jackson.databind.JsonNode;

/**
 * The booking rows (embedded and external mode). Results from before the raw-drivers baseline and the open loop have
 * neither, and their rows show what they have.
 */
final class BookingRows {

	private BookingRows() {
	}

	static String figures(JsonNode r) {
		String closed = n(r.path("api_tps"), 1) + " book-and-pay cycles/s through the API (p50 " + n(r.path("p50_ms"), 0)
				+ " ms, p99 " + n(r.path("p99_ms"), 0) + " ms) vs " + n(r.path("sql_tps"), 1) + " over JDBC, ratio "
				+ n(r.path("ratio"), 2);
		JsonNode open = r.path("open_loop");
		if (!r.has("raw_drivers_tps")) {
			return closed + "; " + n(r.path("sql_with_outbox_tps"), 1) + " with the outbox's after-commit work, ratio "
					+ n(r.path("ratio_with_outbox"), 2) + "; oversold " + plain(r.path("oversold"))
					+ ", seat mismatches " + plain(r.path("seat_mismatches"));
		}
		return closed + "; " + n(r.path("raw_drivers_tps"), 1) + " over the raw drivers doing the same store work, ratio "
				+ n(r.path("api_over_raw_drivers"), 2) + "; service JVM " + n(r.path("app_cpu_ms_per_cycle"), 1)
				+ " ms CPU per cycle. Open loop at " + n(open.path("rate_per_s"), 1) + " cycles/s: API p50 "
				+ n(open.path("api").path("p50_ms"), 0) + " ms, p99 " + n(open.path("api").path("p99_ms"), 0)
				+ " ms, p99.9 " + n(open.path("api").path("p999_ms"), 0) + " ms; raw drivers p50 "
				+ n(open.path("raw_drivers").path("p50_ms"), 1) + " ms, p99 "
				+ n(open.path("raw_drivers").path("p99_ms"), 1) + " ms, p99.9 "
				+ n(open.path("raw_drivers").path("p999_ms"), 1) + " ms; oversold " + plain(r.path("oversold"))
				+ ", seat mismatches " + plain(r.path("seat_mismatches")) + ", errors " + plain(r.path("errors"));
	}

	static String targets(JsonNode r) {
		JsonNode targets = r.path("targets");
		JsonNode meets = r.path("meets_targets");
		if (!r.has("raw_drivers_tps")) {
			return "ratio ≥ " + plain(targets.path("ratio")) + ": " + met(meets.path("ratio")) + "; p99 ≤ "
					+ plain(targets.path("p99_ms")) + " ms: " + met(meets.path("p99_ms")) + "; oversold "
					+ plain(targets.path("oversold")) + ": " + met(meets.path("oversold"));
		}
		String cpu = meets.path("app_cpu_ms_per_cycle").isBoolean() ? "; service CPU ≤ "
				+ plain(targets.path("app_cpu_ms_per_cycle")) + " ms/cycle: " + met(meets.path("app_cpu_ms_per_cycle"))
				: "";
		return "API / raw drivers ≥ " + plain(targets.path("api_over_raw_drivers")) + ": "
				+ met(meets.path("api_over_raw_drivers")) + "; API / SQL ≥ " + plain(targets.path("api_over_sql")) + ": "
				+ met(meets.path("api_over_sql")) + "; open-loop p99 ≤ " + plain(targets.path("open_loop_api_p99_ms"))
				+ " ms: " + met(meets.path("open_loop_api_p99_ms")) + "; ≤ "
				+ plain(targets.path("open_loop_api_p99_over_raw_drivers")) + " × raw p99: "
				+ met(meets.path("open_loop_api_p99_over_raw_drivers")) + cpu + "; oversold, mismatches, errors 0: "
				+ (meets.path("oversold").asBoolean(false) && meets.path("seat_mismatches").asBoolean(false)
						&& meets.path("errors").asBoolean(false) ? "met" : "missed");
	}
}
