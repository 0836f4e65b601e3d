package booking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import support.Log;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON line of figures: of the whole run ({@code booking}), or of the API phase alone ({@code booking-api}) for
 * scenarios that need the booking load but not the SQL comparison.
 */
public final class Report {

	static final double TARGET_OVER_RAW = 0.6;
	static final double TARGET_OVER_SQL = 0.35;
	static final double TARGET_P99_MS = 100;
	static final double TARGET_OPEN_P99_OVER_RAW = 2;
	/** Half of the 19.5 ms of the service's JVM per cycle that issue 19 started from, in embedded mode. */
	static final double TARGET_APP_CPU_MS = 9.75;

	private Report() {
	}

	/**
	 * {@code ratio} (also {@code api_over_sql}) compares the API with the two transactions alone;
	 * {@code api_over_raw_drivers} with the same store work over the plain drivers, the framework's overhead.
	 */
	public static String full(String mode, Phase api, Phase sql, Phase sqlWithOutbox, Phase raw, OpenLoop.Result openApi,
			OpenLoop.Result openRaw, SeatCheck check, int clients, int seconds, int trips, String loadBefore) {
		double overSql = sql.perSecond() == 0 ? 0 : api.perSecond() / sql.perSecond();
		double overRaw = raw.perSecond() == 0 ? 0 : api.perSecond() / raw.perSecond();
		double ratioWithOutbox = sqlWithOutbox.perSecond() == 0 ? 0 : api.perSecond() / sqlWithOutbox.perSecond();
		double p99 = api.cycle().percentileMs(0.99);
		double openApiP99 = openApi.percentileMs(99);
		double openRawP99 = openRaw.percentileMs(99);
		double openOverRaw = openRawP99 == 0 ? 0 : openApiP99 / openRawP99;
		long errors = api.errors() + sql.errors() + sqlWithOutbox.errors() + raw.errors() + openApi.errors()
				+ openRaw.errors();
		boolean embedded = "embedded".equals(mode);
		String cpuTarget = embedded ? String.format(Locale.ROOT, "%.2f", TARGET_APP_CPU_MS) : "null";
		String cpuMet = embedded ? Boolean.toString(api.appCpuMsPerCycle() <= TARGET_APP_CPU_MS) : "null";
		return String.format(Locale.ROOT, "{\"benchmark\":\"booking\",\"mode\":\"%s\",\"measured_at\":\"%s\","
				+ "\"api_tps\":%.1f,\"sql_tps\":%.1f,\"raw_drivers_tps\":%.1f,\"ratio\":%.3f,\"api_over_sql\":%.3f,"
				+ "\"api_over_raw_drivers\":%.3f,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"app_cpu_ms_per_cycle\":%.2f,"
				+ "\"oversold\":%d,\"seat_mismatches\":%d,\"errors\":%d,"
				+ "\"unit\":\"book-and-pay cycles per second, two transactions each\","
				+ "\"sql_with_outbox_tps\":%.1f,\"ratio_with_outbox\":%.3f,"
				+ "\"clients\":%d,\"seconds\":%d,\"trips\":%d,\"api\":%s,\"sql\":%s,\"sql_with_outbox\":%s,"
				+ "\"raw_drivers\":%s,\"open_loop\":{\"rate_per_s\":%.1f,\"api\":%s,\"raw_drivers\":%s,"
				+ "\"api_p99_over_raw_drivers_p99\":%.2f},"
				+ "\"targets\":{\"api_over_raw_drivers\":%.2f,\"api_over_sql\":%.2f,\"p99_ms\":%.0f,"
				+ "\"open_loop_api_p99_ms\":%.0f,\"open_loop_api_p99_over_raw_drivers\":%.0f,"
				+ "\"app_cpu_ms_per_cycle\":%s,\"oversold\":0,\"seat_mismatches\":0,\"errors\":0},"
				+ "\"meets_targets\":{\"api_over_raw_drivers\":%b,\"api_over_sql\":%b,\"p99_ms\":%b,"
				+ "\"open_loop_api_p99_ms\":%b,\"open_loop_api_p99_over_raw_drivers\":%b,\"app_cpu_ms_per_cycle\":%s,"
				+ "\"oversold\":%b,\"seat_mismatches\":%b,\"errors\":%b},\"cpus\":%d,\"load_average_1m_before\":%s}",
				mode, Instant.now().truncatedTo(ChronoUnit.SECONDS), api.perSecond(), sql.perSecond(), raw.perSecond(),
				overSql, overSql, overRaw, api.cycle().percentileMs(0.50), p99, api.appCpuMsPerCycle(),
				check.oversold(), check.mismatches(), errors, sqlWithOutbox.perSecond(), ratioWithOutbox, clients,
				seconds, trips, api.json(), sql.json(), sqlWithOutbox.json(), raw.json(), openApi.rate(),
				openApi.json(), openRaw.json(), openOverRaw, TARGET_OVER_RAW, TARGET_OVER_SQL, TARGET_P99_MS,
				TARGET_P99_MS, TARGET_OPEN_P99_OVER_RAW, cpuTarget, overRaw >= TARGET_OVER_RAW,
				overSql >= TARGET_OVER_SQL, p99 <= TARGET_P99_MS, openApiP99 <= TARGET_P99_MS,
				openRawP99 > 0 && openOverRaw <= TARGET_OPEN_P99_OVER_RAW, cpuMet, check.oversold() == 0,
				check.mismatches() == 0, errors == 0, Runtime.getRuntime().availableProcessors(), loadBefore);
	}

	/** Each target on one line of the progress log, beside its figure, met or missed. */
	public static void logTargets(String figures) {
		Log log = new Log("booking-bench");
		JsonNode r = JsonMapper.builder().build().readTree(figures);
		JsonNode targets = r.path("targets");
		JsonNode meets = r.path("meets_targets");
		JsonNode open = r.path("open_loop");
		String[][] lines = { { "api_over_raw_drivers", "API / raw drivers", ">=", r.path("api_over_raw_drivers").toString() },
				{ "api_over_sql", "API / bare SQL", ">=", r.path("api_over_sql").toString() },
				{ "p99_ms", "closed-loop API cycle p99 ms", "<=", r.path("p99_ms").toString() },
				{ "open_loop_api_p99_ms", "open-loop API cycle p99 ms", "<=", open.path("api").path("p99_ms").toString() },
				{ "open_loop_api_p99_over_raw_drivers", "open-loop API p99 / raw drivers p99", "<=",
						open.path("api_p99_over_raw_drivers_p99").toString() },
				{ "app_cpu_ms_per_cycle", "service JVM CPU ms per cycle", "<=", r.path("app_cpu_ms_per_cycle").toString() },
				{ "oversold", "oversold", "=", r.path("oversold").toString() },
				{ "seat_mismatches", "seat mismatches", "=", r.path("seat_mismatches").toString() },
				{ "errors", "errors", "=", r.path("errors").toString() } };
		for (String[] line : lines) {
			JsonNode met = meets.path(line[0]);
			log.line("target %s: %s (%s %s): %s", line[1], line[3], line[2], targets.path(line[0]),
					met.isBoolean() ? (met.asBoolean() ? "met" : "missed") : "not applicable in this mode");
		}
	}

	/** With the measured window, so that what the confirmed bookings did afterwards can be followed up. */
	public static String apiOnly(Phase api, SeatCheck check, Instant measuredFrom, Instant measuredTo, int clients,
			int seconds, int trips, String loadBefore) {
		return String.format(Locale.ROOT, "{\"benchmark\":\"booking-api\",\"api_tps\":%.1f,"
				+ "\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"oversold\":%d,\"seat_mismatches\":%d,\"measured_from\":\"%s\","
				+ "\"measured_to\":\"%s\",\"clients\":%d,\"seconds\":%d,\"trips\":%d,\"api\":%s,"
				+ "\"load_average_1m_before\":%s}", api.perSecond(), api.cycle().percentileMs(0.50),
				api.cycle().percentileMs(0.99), check.oversold(), check.mismatches(), measuredFrom, measuredTo, clients,
				seconds, trips, api.json(), loadBefore);
	}
}
