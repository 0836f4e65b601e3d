import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import audit.AuditTriggers;
import audit.Measured;
import audit.OneRowUpdate;
import booking.Database;
import booking.Phase;
import booking.SeatCheck;
import booking.Setup;
import booking.SqlPhase;
import booking.Traveller;
import support.CpuUse;
import support.LoadAverage;
import support.Log;
import support.Options;

/**
 * Throughput of book-and-pay cycles with the audit triggers on and off, on one running Getaways and its PostgreSQL.
 *
 * <pre>
 * GETAWAYS_DB_OWNER_PASSWORD=... java -cp bench/work/classes:postgresql.jar AuditOverhead \
 *     --base-url http://localhost:8080 --jdbc-url jdbc:postgresql://localhost:PORT/getaways \
 *     --app-user getaways_app --app-password SECRET [--clients 8] [--seconds 15] [--rounds 3] \
 *     [--warmup-seconds 10] [--trips 8] [--one-row-seconds 5] [--app-pid PID] [--postgres-pid PID]
 * </pre>
 *
 * <p>A cycle is the booking bench's {@code sql_with_outbox} cycle, sent by its own {@link SqlPhase}: the service's
 * book transaction and pay transaction, their outbox rows, the outbox's after-commit marks and the notification
 * listener's empty transaction, over JDBC as the application role, one connection per client. The audit triggers on
 * every table the cycle writes are switched by the schema owner ({@code <prefix>_owner} unless
 * GETAWAYS_DB_OWNER_USERNAME says otherwise; password in GETAWAYS_DB_OWNER_PASSWORD), so point it only at a throwaway
 * database; they are enabled again at the end whatever happens. The phases alternate, off then on, for
 * {@code --rounds} rounds, so that a change in the machine's background load falls on both alike; the figures are
 * each state's median. Before every phase the service's sealer is given time to chain what the previous phase wrote.
 *
 * <p>Then, as a secondary figure, the scenario's earlier workload ({@link OneRowUpdate}): a one-row UPDATE of a trip,
 * off then on, twice. Prints one JSON line.
 */
public class AuditOverhead {

	static final double TARGET = 0.85;

	static final double SEALER_TIMEOUT_S = 30;

	private static final Log LOG = new Log("audit-overhead");

	public static void main(String[] args) throws Exception {
		String loadBefore = LoadAverage.oneMinuteJson();
		Options options = Options.parse(args);
		String baseUrl = options.get("base-url", "http://localhost:8080").replaceAll("/+$", "");
		String jdbcUrl = options.required("jdbc-url");
		String appUser = options.get("app-user", "getaways_app");
		String appPassword = options.required("app-password");
		int clients = options.intValue("clients", 8);
		int seconds = options.intValue("seconds", 15);
		int rounds = options.intValue("rounds", 3);
		int warmup = options.intValue("warmup-seconds", 10);
		int tripCount = options.intValue("trips", 8);
		int oneRowSeconds = options.intValue("one-row-seconds", 5);
		if (rounds < 2) {
			throw new IllegalArgumentException("--rounds must be at least 2 but was " + rounds);
		}
		CpuUse.Probe cpu = new CpuUse.Probe(options.longValue("app-pid", -1), options.longValue("postgres-pid", -1));
		Database db = new Database(jdbcUrl, appUser, appPassword);
		String prefix = appUser.substring(0, appUser.length() - "_app".length());
		String owner = Options.env("GETAWAYS_DB_OWNER_USERNAME", prefix + "_owner");
		String ownerPassword = Options.env("GETAWAYS_DB_OWNER_PASSWORD", "");

		List<String> trips = Setup.trips(db, tripCount);
		List<Traveller> travellers = Setup.travellers(baseUrl, clients);
		List<Measured> phases = new ArrayList<>();
		List<Double> oneRowOff = new ArrayList<>();
		List<Double> oneRowOn = new ArrayList<>();
		List<AuditTriggers.Trigger> triggers;
		boolean enabledAtEnd;
		Thread reEnable = new Thread(() -> {
			try (AuditTriggers again = AuditTriggers.connect(jdbcUrl, owner, ownerPassword)) {
				again.set(true);
			}
			catch (Exception ex) {
				LOG.line("could not enable the audit triggers again: " + ex.getMessage());
			}
		}, "audit-triggers-on");
		try (AuditTriggers audit = AuditTriggers.connect(jdbcUrl, owner, ownerPassword)) {
			triggers = audit.triggers();
			LOG.line("audit triggers on the cycle's tables: " + triggers);
			Runtime.getRuntime().addShutdownHook(reEnable);
			try {
				audit.set(true);
				LOG.line("warm-up with audit: " + warmup + " s, " + clients + " clients");
				SqlPhase.run(db, travellers, trips, Duration.ofSeconds(warmup), cpu, true);
				for (int round = 1; round <= rounds; round++) {
					for (boolean audited : new boolean[] { false, true }) {
						audit.set(audited);
						double waited = audit.awaitSealed(SEALER_TIMEOUT_S);
						long before = audit.entries();
						Phase phase = SqlPhase.run(db, travellers, trips, Duration.ofSeconds(seconds), cpu, true);
						Measured measured = new Measured(audited, phase, audit.entries() - before, waited);
						phases.add(measured);
						LOG.line("round %d, audit %s: %s; %d audit entries (%.2f per cycle); store CPU %.2f ms/cycle",
								round, audited ? "on" : "off", phase.summary(), measured.auditEntries(),
								(double) measured.auditEntries() / Math.max(1, measured.cycles()),
								measured.storeCpuMsPerCycle());
					}
				}
				OneRowUpdate oneRow = new OneRowUpdate(jdbcUrl, appUser, appPassword, prefix + "_jobs",
						Setup.trips(db, clients));
				for (int round = 1; round <= 2; round++) {
					audit.set(false);
					oneRowOff.add(oneRow.run(oneRowSeconds));
					audit.set(true);
					oneRowOn.add(oneRow.run(oneRowSeconds));
				}
				LOG.line("one-row UPDATE: off %s tps, on %s tps", oneRowOff, oneRowOn);
			}
			finally {
				audit.set(true);
				enabledAtEnd = audit.allEnabled();
				Runtime.getRuntime().removeShutdownHook(reEnable);
			}
		}
		SeatCheck check = SeatCheck.read(db, trips);

		double with = Measured.median(phases, true, Measured::cyclesPerSecond);
		double without = Measured.median(phases, false, Measured::cyclesPerSecond);
		double ratio = with / without;
		double oneRowRatio = Measured.median(oneRowOn) / Measured.median(oneRowOff);
		long errors = phases.stream().mapToLong(m -> m.phase().errors()).sum();
		String figures = String.format(Locale.ROOT, "{\"benchmark\":\"audit-overhead\",\"workload\":\"book-and-pay\","
				+ "\"timestamp\":\"%s\",\"clients\":%d,\"seconds_per_phase\":%d,\"rounds\":%d,\"audit_triggers\":[%s],"
				+ "\"with_audit_cycles_per_s\":%.1f,\"without_audit_cycles_per_s\":%.1f,\"ratio\":%.3f,"
				+ "\"ratio_pooled\":%.3f,\"target\":%.2f,\"meets_target\":%s,\"audit_entries_per_cycle\":%.2f,"
				+ "\"audit_entries_per_cycle_without\":%.2f,\"store_cpu_ms_per_cycle_with\":%.3f,"
				+ "\"store_cpu_ms_per_cycle_without\":%.3f,\"errors\":%d,\"oversold\":%d,\"seat_mismatches\":%d,"
				+ "\"triggers_enabled_at_end\":%s,\"one_row_with_audit_tps\":%.1f,\"one_row_without_audit_tps\":%.1f,"
				+ "\"one_row_ratio\":%.3f,\"one_row_seconds_per_phase\":%d,\"load_average_1m_before\":%s,"
				+ "\"phases\":[%s]}",
				Instant.now(), clients, seconds, rounds,
				triggers.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",")), with, without, ratio,
				Measured.pooledRate(phases, true) / Measured.pooledRate(phases, false), TARGET, ratio >= TARGET,
				Measured.entriesPerCycle(phases, true), Measured.entriesPerCycle(phases, false),
				Measured.median(phases, true, Measured::storeCpuMsPerCycle),
				Measured.median(phases, false, Measured::storeCpuMsPerCycle), errors, check.oversold(),
				check.mismatches(), enabledAtEnd, Measured.median(oneRowOn), Measured.median(oneRowOff), oneRowRatio,
				oneRowSeconds, loadBefore, phases.stream().map(Measured::json).collect(Collectors.joining(",")));
		LOG.line("book-and-pay: %.1f cycles/s with audit, %.1f without, ratio %.3f (target %.2f: %s)", with, without,
				ratio, TARGET, ratio >= TARGET ? "met" : "missed");
		System.out.println(figures);
		if (errors > 0 || !check.holds() || !enabledAtEnd) {
			System.exit(1);
		}
	}
}
