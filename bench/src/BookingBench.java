import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import booking.ApiPhase;
import booking.Database;
import booking.OpenLoop;
import booking.Phase;
import booking.RawPhase;
import booking.RawStores;
import booking.Report;
import booking.SeatCheck;
import booking.Setup;
import booking.SqlPhase;
import booking.Traveller;
import support.CpuUse;
import support.LoadAverage;
import support.Log;
import support.Options;

/**
 * Booking throughput through the HTTP API against the same transactions' SQL sent straight over JDBC, at the same
 * concurrency, on one running Getaways and its PostgreSQL. One cycle is what a traveller does: book one seat of a trip
 * ({@code POST /api/v1/bookings}), then pay for it ({@code POST /api/v1/bookings/{id}/pay}); two transactions.
 *
 * <pre>
 * java -cp bench/work/classes:postgresql.jar BookingBench --base-url http://localhost:8080 \
 *     --jdbc-url jdbc:postgresql://localhost:PORT/getaways --app-user getaways_app --app-password SECRET \
 *     [--clients 16] [--seconds 30] [--warmup-seconds 5] [--trips 8] [--app-pid PID] [--postgres-pid PID]
 *     [--api-only true] [--confirmed-out FILE] [--mode embedded|external] [--mongo-uri URI --redis-uri URI]
 *     [--rate CYCLES_PER_S] [--open-loop-seconds S] [--open-loop-workers N] [--redis-pid PID]
 * </pre>
 *
 * <p>The SQL phases send, per cycle, the statements the service sends (read from its source and checked against
 * pg_stat_statements): the transaction context (role and request settings), the conditional seat update that locks
 * the trip row and reads its booking facts, the booking insert and one outbox row per event listener, commit; then the
 * context, the conditional confirm that locks the booking row, the payment module's paid check and payment insert, the
 * outbox rows, commit. Audit and
 * other triggers fire alike. {@code sql_tps} is these two transactions alone, as the issue defines the comparison.
 * {@code sql_with_outbox_tps} adds what the service's outbox does after each commit: two state marks per listener
 * that ran (five per cycle), written by one writer thread on a connection of its own, whatever has queued in one
 * transaction, as the service's outbox-marks thread does; and the empty transaction in which the asynchronous
 * notification listener runs (it writes to MongoDB only). With it the database does the same work in both phases, and
 * {@code ratio_with_outbox} is the cost of
 * everything else the service does: HTTP, JSON, token checks, Spring's transaction handling, the pool, metrics, the
 * in-memory gateway and the cache eviction in Redis.
 *
 * <p>The trips are created for the run with a capacity no run can reach, so clients never see a sold-out trip;
 * {@code oversold} (sum of seats_booked - capacity where positive) and {@code seat_mismatches} (trips whose
 * seats_booked differs from the seats of their live bookings) check the arithmetic afterwards. Start the service with
 * {@code --getaways.rate-limit.enabled=false}: all load comes from one address. Prints one JSON line.
 *
 * <p>{@code --api-only true} runs the API phase alone and prints its figures as {@code booking-api}, for scenarios that
 * need the booking load but not the SQL comparison; {@code --confirmed-out} writes the id of every booking confirmed
 * in the measured API phase to a file, one a line, so that their after-commit work can be followed up.
 *
 * <p>Then the same store work the service does per cycle over the raw drivers ({@code raw_drivers_tps}: the SQL
 * phase's transactions and marks, the search listing's job, the MongoDB documents and the Redis calls, without a
 * framework), whose ratio to the API is the framework's overhead; and an open loop at a fixed arrival rate (by default
 * half the raw drivers' throughput) through the API and over the raw drivers, with latencies from each cycle's
 * intended start in HdrHistograms.
 *
 * <p>The phases are in {@code booking/}: {@link Setup}, {@link ApiPhase}, {@link SqlPhase} (with
 * {@code BookTransaction}, {@code PayTransaction} and the outbox's {@code OutboxRows} and {@code OutboxMarks}),
 * {@link RawPhase} (with {@code RawCycle}, {@code RawStores} and {@code SearchIndexJob}), {@link OpenLoop},
 * {@link SeatCheck} and {@link Report}.
 */
public class BookingBench {

	private static final Log LOG = new Log("booking-bench");

	public static void main(String[] args) throws Exception {
		String loadBefore = LoadAverage.oneMinuteJson();
		Options options = Options.parse(args);
		String baseUrl = options.get("base-url", "http://localhost:8080").replaceAll("/+$", "");
		String jdbcUrl = options.required("jdbc-url");
		String appUser = options.get("app-user", "getaways_app");
		String appPassword = options.required("app-password");
		int clients = options.intValue("clients", 16);
		int seconds = options.intValue("seconds", 30);
		int warmup = options.intValue("warmup-seconds", 5);
		int tripCount = options.intValue("trips", 8);
		boolean apiOnly = options.booleanValue("api-only");
		String confirmedOut = options.get("confirmed-out");
		String mode = options.get("mode", "embedded");
		String mongoUri = options.get("mongo-uri");
		String redisUri = options.get("redis-uri");
		double fixedRate = Double.parseDouble(options.get("rate", "0"));
		int openLoopSeconds = options.intValue("open-loop-seconds", seconds);
		int workers = options.intValue("open-loop-workers", 4 * clients);
		CpuUse.Probe cpu = new CpuUse.Probe(options.longValue("app-pid", -1), options.longValue("postgres-pid", -1),
				options.longValue("redis-pid", -1));
		Database db = new Database(jdbcUrl, appUser, appPassword);

		List<String> trips = Setup.trips(db, tripCount);
		List<Traveller> travellers = Setup.travellers(baseUrl, clients);
		LOG.line("trips " + trips + "; " + travellers.size() + " travellers registered");

		LOG.line("API phase: warm-up " + warmup + " s, then " + seconds + " s with " + clients + " clients");
		ApiPhase.run(baseUrl, travellers, trips, Duration.ofSeconds(warmup), cpu);
		Instant measuredFrom = Instant.now();
		Phase api = ApiPhase.run(baseUrl, travellers, trips, Duration.ofSeconds(seconds), cpu);
		Instant measuredTo = Instant.now();
		LOG.line("API phase: " + api.summary());
		if (confirmedOut != null) {
			Files.write(Path.of(confirmedOut), api.confirmed());
		}
		if (apiOnly) {
			SeatCheck check = SeatCheck.read(db, trips);
			System.out.println(Report.apiOnly(api, check, measuredFrom, measuredTo, clients, seconds, tripCount,
					loadBefore));
			if (api.errors() > 0 || !check.holds()) {
				System.exit(1);
			}
			return;
		}
		int sqlWarmup = Math.min(warmup, 10);
		LOG.line("SQL phase, the two transactions: warm-up " + sqlWarmup + " s, then " + seconds + " s with " + clients
				+ " connections");
		SqlPhase.run(db, travellers, trips, Duration.ofSeconds(sqlWarmup), cpu, false);
		Phase sql = SqlPhase.run(db, travellers, trips, Duration.ofSeconds(seconds), cpu, false);
		LOG.line("SQL phase, the two transactions: " + sql.summary());
		LOG.line("SQL phase, with the outbox's after-commit transactions: " + seconds + " s");
		Phase sqlWithOutbox = SqlPhase.run(db, travellers, trips, Duration.ofSeconds(seconds), cpu, true);
		LOG.line("SQL phase, with the outbox's after-commit transactions: " + sqlWithOutbox.summary());
		if (mongoUri == null || redisUri == null) {
			throw new IllegalArgumentException("--mongo-uri and --redis-uri are required for the raw-drivers phases");
		}
		Phase raw;
		OpenLoop.Result openApi;
		OpenLoop.Result openRaw;
		try (RawStores stores = new RawStores(db, mongoUri, redisUri)) {
			LOG.line("raw-drivers phase: warm-up " + sqlWarmup + " s, then " + seconds + " s with " + clients
					+ " connections");
			RawPhase.run(db, stores, travellers, trips, Duration.ofSeconds(sqlWarmup), cpu);
			raw = RawPhase.run(db, stores, travellers, trips, Duration.ofSeconds(seconds), cpu);
			LOG.line("raw-drivers phase: " + raw.summary() + "; after-commit failures " + stores.failures());
			double rate = fixedRate > 0 ? fixedRate : Math.max(1, raw.perSecond() / 2);
			LOG.line("open loop at %.1f cycles/s (%s), %d workers, %d s each: API", rate,
					fixedRate > 0 ? "BENCH_RATE" : "half the raw drivers' throughput", workers, openLoopSeconds);
			openApi = OpenLoop.api(baseUrl, travellers, trips, rate, workers, Duration.ofSeconds(openLoopSeconds), cpu);
			LOG.line("open loop, API: " + openApi.json());
			openRaw = OpenLoop.raw(db, stores, travellers, trips, rate, workers, Duration.ofSeconds(openLoopSeconds),
					cpu);
			LOG.line("open loop, raw drivers: " + openRaw.json());
			if (stores.failures() > 0) {
				throw new IllegalStateException(stores.failures() + " after-commit or scheduled raw-driver works failed");
			}
		}
		SeatCheck check = SeatCheck.read(db, trips);

		String figures = Report.full(mode, api, sql, sqlWithOutbox, raw, openApi, openRaw, check, clients, seconds,
				tripCount, loadBefore);
		Report.logTargets(figures);
		System.out.println(figures);
		if (api.errors() > 0 || sql.errors() > 0 || sqlWithOutbox.errors() > 0 || raw.errors() > 0
				|| openApi.errors() > 0 || openRaw.errors() > 0 || !check.holds()) {
			System.exit(1);
		}
	}
}
