package figures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * One table row per scenario, from its {@code -latest} result: the key figures, each target with whether it is met,
 * the machine's load over the run and when it ran. Field names are those the scenarios print; bench/README.md says
 * what each means.
 */
final class Rows {

	/** In the order bench/run lists them. */
	static final List<String> SCENARIOS = List.of("startup", "trip-read", "login", "audit-overhead", "booking",
			"booking-external", "outbox-lag", "backup", "search", "reports", "import", "replicas", "web");

	private Rows() {
	}

	static String header() {
		return "| scenario | figures | target | load average (1 min) at start → end | measured (UTC) |\n"
				+ "| --- | --- | --- | --- | --- |\n";
	}

	static String missing(String scenario) {
		return row(scenario, "no result", "", "", "");
	}

	static String of(String scenario, JsonNode r) {
		JsonNode machine = r.path("machine");
		String load = first(machine.path("loadavg_at_start")) + " → " + first(machine.path("loadavg_at_end")) + " ("
				+ machine.path("nproc").asString("?") + " cores)";
		String measured = machine.path("timestamp").asString("?");
		return switch (scenario) {
			case "startup" -> row(scenario, startup(r), "existing directory ≤ " + plain(r.path("target_existing_dir_seconds"))
					+ " s: " + met(r.path("meets_target")), load, measured);
			case "trip-read" -> row(scenario, tripRead(r), tripReadTargets(r), load, measured);
			case "login" -> row(scenario, login(r), "none; trade-off in docs/security.md", load, measured);
			case "audit-overhead" -> row(scenario, auditOverhead(r), auditOverheadTarget(r), load, measured);
			case "booking", "booking-external" -> row(scenario, BookingRows.figures(r), BookingRows.targets(r), load,
					measured);
			case "outbox-lag" -> row(scenario, outboxLag(r), outboxLagTargets(r), load, measured);
			case "backup" -> row(scenario, backup(r), backupTargets(r), load, measured);
			case "search" -> row(scenario, search(r), searchTargets(r), load, measured);
			case "reports" -> row(scenario, reports(r), "none: refresh times are printed", load, measured);
			case "import" -> row(scenario, importRates(r), "rate ≥ 0.5 × pgloader: "
					+ (r.path("import_to_pgloader_rate").asDouble(0) >= 0.5 ? "met" : "missed"), load, measured);
			case "replicas" -> row(scenario, replicas(r), "primary's read commits drop ≥ "
					+ plain(r.path("target_primary_drop")) + ": " + met(r.path("meets_primary_drop")) + "; replay lag p99 ≤ "
					+ plain(r.path("target_lag_p99_ms")) + " ms: " + met(r.path("meets_lag_p99")), load, measured);
			case "web" -> row(scenario, web(r), "home ≥ " + plain(r.path("target_ratio")) + " × API list: "
					+ met(r.path("meets_ratio")), load, measured);
			default -> throw new IllegalStateException(
					"No row for scenario " + scenario + "; add one to bench/src/figures/Rows.java");
		};
	}

	private static String web(JsonNode r) {
		JsonNode home = r.path("home");
		JsonNode api = r.path("api_trips");
		return "home page " + n(home.path("throughput_rps"), 0) + " rps (p50 " + n(home.path("p50_ms"), 1) + " ms, p99 "
				+ n(home.path("p99_ms"), 0) + " ms) vs GET /api/v1/trips " + n(api.path("throughput_rps"), 0)
				+ " rps, ratio " + n(r.path("ratio"), 2) + "; gzip: HTML " + plain(r.path("home_html_gzip_bytes"))
				+ " B, CSS " + plain(r.path("css_gzip_bytes")) + " B, JS " + plain(r.path("js_gzip_bytes")) + " B";
	}

	private static String replicas(JsonNode r) {
		JsonNode none = r.path("no_replica");
		JsonNode one = r.path("one_replica");
		JsonNode booking = r.path("booking_load");
		return "reads: no replica " + n(none.path("throughput_rps"), 0) + " rps (p99 " + n(none.path("p99_ms"), 0)
				+ " ms), one replica " + n(one.path("throughput_rps"), 0) + " rps (p99 " + n(one.path("p99_ms"), 0)
				+ " ms); primary commits per read " + n(none.path("primary_commits_per_request"), 3) + " → "
				+ n(one.path("primary_commits_per_request"), 3) + " (read commits drop " + n(r.path("primary_read_commits_drop"), 2)
				+ "; primary's share of read-only transactions " + n(r.path("primary_share_of_read_only_transactions"), 3)
				+ "); replay lag p50 " + n(booking.path("lag_p50_ms"), 1) + " ms, p99 " + n(booking.path("lag_p99_ms"), 1)
				+ " ms at " + n(booking.path("bookings_per_s"), 0) + " book-and-cancel cycles/s" + synchronous(r);
	}

	/** Results before the synchronous run have none. */
	private static String synchronous(JsonNode r) {
		if (!r.has("booking_load_synchronous")) {
			return "";
		}
		JsonNode async = r.path("booking_load");
		JsonNode sync = r.path("booking_load_synchronous");
		return "; booking p50 " + n(async.path("book_p50_ms"), 0) + " ms asynchronous, " + n(sync.path("book_p50_ms"), 0)
				+ " ms synchronous (" + n(sync.path("bookings_per_s"), 0) + " cycles/s)";
	}

	private static String startup(JsonNode r) {
		return "existing directory " + n(r.path("existing_dir_seconds"), 1) + " s (median of " + plain(r.path("runs"))
				+ "), new directory " + n(r.path("new_dir_seconds"), 1) + " s; peak RSS " + n(r.path("peak_rss_mb"), 0)
				+ " MB";
	}

	private static String tripRead(JsonNode r) {
		JsonNode trip = r.path("trip");
		return n(trip.path("throughput_rps"), 0) + " rps (p50 " + n(trip.path("p50_ms"), 1) + " ms, p99 "
				+ n(trip.path("p99_ms"), 0) + " ms) vs trivial " + n(r.path("trivial").path("throughput_rps"), 0)
				+ " rps; ratio " + n(r.path("ratio"), 2) + "; RSS " + n(r.path("rss_mb"), 0) + " MB; cache hit ratio "
				+ n(r.path("cache_hit_ratio"), 3) + "; trivial app CPU "
				+ n(r.path("trivial").path("app_cpu_ms_per_request"), 3) + " ms/request" + travlrRoutes(r);
	}

	/** Results before the Travlr routes were measured have none. */
	private static String travlrRoutes(JsonNode r) {
		if (!r.has("v1_list")) {
			return "";
		}
		return "; lists: /api/v1/trips " + n(r.path("v1_list").path("throughput_rps"), 0) + " rps, Travlr /api/trips "
				+ n(r.path("travlr_list").path("throughput_rps"), 0) + " rps (" + n(r.path("travlr_list_ratio"), 2)
				+ "), /api/trips/{code} " + n(r.path("travlr_trip").path("throughput_rps"), 0) + " rps ("
				+ n(r.path("travlr_trip_ratio"), 2) + ")";
	}

	private static String tripReadTargets(JsonNode r) {
		JsonNode targets = r.path("targets");
		JsonNode meets = r.path("meets_targets");
		return "ratio ≥ " + plain(targets.path("ratio_min")) + ": " + met(meets.path("ratio")) + "; RSS ≤ "
				+ plain(targets.path("rss_mb_max")) + " MB: " + met(meets.path("rss_mb")) + "; hit ratio ≥ "
				+ plain(targets.path("cache_hit_ratio_min")) + ": " + met(meets.path("cache_hit_ratio"))
				+ (targets.has("travlr_ratio_min") ? "; Travlr routes ≥ " + plain(targets.path("travlr_ratio_min"))
						+ " of /api/v1/trips: " + met(meets.path("travlr")) : "")
				+ (targets.has("trivial_app_cpu_ms_max") ? "; trivial app CPU ≤ "
						+ plain(targets.path("trivial_app_cpu_ms_max")) + " ms/request: "
						+ met(meets.path("trivial_app_cpu")) : "");
	}

	private static String login(JsonNode r) {
		JsonNode argon2 = r.path("argon2");
		return n(r.path("logins_per_second"), 1) + " sign-ins/s, p50 " + n(r.path("p50_ms"), 0) + " ms, p99 "
				+ n(r.path("p99_ms"), 0) + " ms with " + plain(r.path("clients")) + " clients (Argon2id "
				+ plain(argon2.path("memory_kib")) + " KiB, " + plain(argon2.path("iterations")) + " passes)";
	}

	private static String search(JsonNode r) {
		JsonNode search = r.path("search");
		JsonNode ilike = r.path("ilike");
		return plain(r.path("rows")) + " listings, " + plain(r.path("clients")) + " clients: search "
				+ n(search.path("throughput_rps"), 1) + " rps (p50 " + n(search.path("p50_ms"), 1) + " ms, p99 "
				+ n(search.path("p99_ms"), 0) + " ms) vs ILIKE " + n(ilike.path("throughput_rps"), 1) + " rps, ratio "
				+ n(r.path("ratio"), 2);
	}

	private static String searchTargets(JsonNode r) {
		JsonNode targets = r.path("targets");
		JsonNode meets = r.path("meets_targets");
		return "p99 ≤ " + plain(targets.path("p99_ms_max")) + " ms: " + met(meets.path("p99_ms")) + "; ratio ≥ "
				+ plain(targets.path("ratio_min")) + ": " + met(meets.path("ratio"));
	}

	private static String importRates(JsonNode r) {
		return plain(r.path("bookings_in_source")) + " bookings: import " + n(r.path("import_rows_per_s"), 0)
				+ " rows/s vs pgloader " + n(r.path("pgloader_rows_per_s"), 0) + " rows/s, rate "
				+ n(r.path("import_to_pgloader_rate"), 2) + "; peak RSS import " + n(r.path("import_max_rss_mb"), 0)
				+ " MB, pgloader " + n(r.path("pgloader_max_rss_mb"), 0) + " MB";
	}

	private static String reports(JsonNode r) {
		StringBuilder views = new StringBuilder();
		r.path("views").properties().forEach(view -> views.append(views.isEmpty() ? "" : ", ")
			.append(view.getKey())
			.append(' ')
			.append(plain(view.getValue().path("ms")))
			.append(" ms"));
		return "refresh of every view with " + plain(r.path("bookings")) + " bookings: " + plain(r.path("total_refresh_ms"))
				+ " ms (" + views + "); audit triggers " + r.path("audit_triggers_during_load").asString("?")
				+ " during the load";
	}

	private static String auditOverhead(JsonNode r) {
		return n(r.path("with_audit_cycles_per_s"), 1) + " book-and-pay cycles/s with the audit triggers vs "
				+ n(r.path("without_audit_cycles_per_s"), 1) + " without (medians of " + plain(r.path("rounds"))
				+ " alternating " + plain(r.path("seconds_per_phase")) + " s phases each, " + plain(r.path("clients"))
				+ " connections), ratio " + n(r.path("ratio"), 3) + "; " + n(r.path("audit_entries_per_cycle"), 2)
				+ " audit entries per cycle; database CPU " + n(r.path("store_cpu_ms_per_cycle_with"), 2) + " vs "
				+ n(r.path("store_cpu_ms_per_cycle_without"), 2) + " ms per cycle; errors " + plain(r.path("errors"))
				+ ", seat mismatches " + plain(r.path("seat_mismatches")) + ". Secondary, a one-row UPDATE: "
				+ n(r.path("one_row_with_audit_tps"), 0) + " vs " + n(r.path("one_row_without_audit_tps"), 0)
				+ " tps, ratio " + n(r.path("one_row_ratio"), 2);
	}

	private static String auditOverheadTarget(JsonNode r) {
		return "book-and-pay ratio ≥ " + plain(r.path("target")) + ": " + met(r.path("meets_target"));
	}

	private static String outboxLag(JsonNode r) {
		return "commit to notification document, " + plain(r.path("bookings")) + " bookings under the booking load ("
				+ n(r.path("load").path("api_tps"), 1) + " cycles/s): p50 " + n(r.path("p50_ms"), 0) + " ms, p99 "
				+ n(r.path("p99_ms"), 0) + " ms, max " + n(r.path("max_ms"), 0) + " ms; " + plain(r.path("missing"))
				+ " missing";
	}

	private static String outboxLagTargets(JsonNode r) {
		JsonNode targets = r.path("targets");
		JsonNode meets = r.path("meets_targets");
		return "p99 ≤ " + plain(targets.path("p99_ms")) + " ms: " + met(meets.path("p99_ms")) + "; missing "
				+ plain(targets.path("missing")) + ": " + met(meets.path("missing"));
	}

	private static String backup(JsonNode r) {
		JsonNode rpo = r.path("rpo");
		JsonNode restore = r.path("restore");
		String appArgs = r.path("app_args").asString("");
		return n(r.path("data_bytes").asDouble() / 1e9, 2) + " GB (" + n(r.path("bookings").asDouble() / 1e6, 1)
				+ " million bookings)" + (appArgs.isEmpty() ? "" : ", app arguments `" + appArgs + "`")
				+ (r.path("caches_dropped").asBoolean(false) ? ", page cache dropped before each timing" : "")
				+ ": base backup " + n(r.path("backup_mb_s"), 0) + " MB/s against plain tar " + n(r.path("tar_mb_s"), 0)
				+ " MB/s, ratio " + n(r.path("ratio_vs_tar"), 2) + "; against `tar | zstd -1 -T0` "
				+ n(r.path("tar_zstd1_mb_s"), 0) + " MB/s, " + n(r.path("ratio_vs_tar_zstd1"), 2)
				+ "; against `tar | gzip -1` " + n(r.path("tar_gzip1_mb_s"), 0) + " MB/s, "
				+ n(r.path("ratio_vs_tar_gzip1"), 2) + "; whole job " + n(r.path("backup_job_mb_s"), 0)
				+ " MB/s. Recovery point under " + n(rpo.path("load").path("api_tps"), 0) + " cycles/s of bookings: p50 "
				+ n(rpo.path("p50_s"), 1) + " s, p99 " + n(rpo.path("p99_s"), 1) + " s, max " + n(rpo.path("max_s"), 1)
				+ " s. Restore of the backup plus the load's WAL " + n(restore.path("restore_s"), 1)
				+ " s, service ready " + n(restore.path("start_to_ready_s"), 1) + " s later, "
				+ n(restore.path("total_s"), 1) + " s in all";
	}

	private static String backupTargets(JsonNode r) {
		JsonNode rpo = r.path("rpo");
		return "base backup ≥ " + plain(r.path("target_ratio")) + " × tar: " + met(r.path("meets_target_ratio_vs_tar"))
				+ "; recovery point p99 ≤ " + plain(rpo.path("target_p99_s")) + " s: " + met(rpo.path("meets_target"));
	}

	/** A pipe inside a cell, even inside a code span, would end the cell. */
	private static String row(String... cells) {
		StringBuilder row = new StringBuilder("|");
		for (String cell : cells) {
			row.append(' ').append(cell.replace("|", "\\|")).append(" |");
		}
		return row.append('\n').toString();
	}

	/** A number rounded for reading; "n/a" where the result has none (null: a percentile fell on a missing booking). */
	static String n(JsonNode value, int decimals) {
		return value.isNumber() ? n(value.asDouble(), decimals) : "n/a";
	}

	static String n(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	/** A number as short as it is exact: a target of 600.0 reads 600. */
	static String plain(JsonNode value) {
		return value.isNumber() ? BigDecimal.valueOf(value.asDouble()).stripTrailingZeros().toPlainString() : "n/a";
	}

	static String met(JsonNode meets) {
		return meets.isBoolean() ? (meets.asBoolean() ? "met" : "missed") : "n/a";
	}

	/** The 1-minute figure of a load average "1m 5m 15m". */
	private static String first(JsonNode loadAverage) {
		return loadAverage.asString("?").split(" ")[0];
	}
}
