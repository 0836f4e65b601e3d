package booking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The JSON line of figures: of the whole run ({@code booking}), or of the API phase alone ({@code booking-api}) for
 * scenarios that need the booking load but not the SQL comparison.
 */
public final class Report {

	static final double TARGET_RATIO = 0.6;
	static final double TARGET_P99_MS = 100;

	private Report() {
	}

	/** {@code ratio} compares the API with the two transactions alone, as the target defines the comparison. */
	public static String full(Phase api, Phase sql, Phase sqlWithOutbox, SeatCheck check, int clients, int seconds,
			int trips, String loadBefore) {
		double ratio = sql.perSecond() == 0 ? 0 : api.perSecond() / sql.perSecond();
		double ratioWithOutbox = sqlWithOutbox.perSecond() == 0 ? 0 : api.perSecond() / sqlWithOutbox.perSecond();
		double p99 = api.cycle().percentileMs(0.99);
		return String.format(Locale.ROOT, "{\"benchmark\":\"booking\",\"measured_at\":\"%s\","
				+ "\"api_tps\":%.1f,\"sql_tps\":%.1f,\"ratio\":%.3f,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"oversold\":%d,"
				+ "\"seat_mismatches\":%d,\"unit\":\"book-and-pay cycles per second, two transactions each\","
				+ "\"sql_with_outbox_tps\":%.1f,\"ratio_with_outbox\":%.3f,"
				+ "\"clients\":%d,\"seconds\":%d,\"trips\":%d,\"api\":%s,\"sql\":%s,\"sql_with_outbox\":%s,"
				+ "\"targets\":{\"ratio\":%.1f,\"p99_ms\":%.0f,\"oversold\":0},"
				+ "\"meets_targets\":{\"ratio\":%b,\"p99_ms\":%b,\"oversold\":%b},\"cpus\":%d,"
				+ "\"load_average_1m_before\":%s}",
				Instant.now().truncatedTo(ChronoUnit.SECONDS), api.perSecond(), sql.perSecond(), ratio,
				api.cycle().percentileMs(0.50), p99, check.oversold(), check.mismatches(), sqlWithOutbox.perSecond(),
				ratioWithOutbox, clients, seconds, trips, api.json(), sql.json(), sqlWithOutbox.json(), TARGET_RATIO,
				TARGET_P99_MS, ratio >= TARGET_RATIO, p99 <= TARGET_P99_MS, check.oversold() == 0,
				Runtime.getRuntime().availableProcessors(), loadBefore);
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
