import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import replicas.Api;
import replicas.Stats;
import support.Latencies;
import support.Log;
import support.Options;

/**
 * Load generator for the replicas scenario. {@code --phase read}: travellers read a trip, their account and their
 * bookings (the trip-read path plus two reads that reach PostgreSQL on every request) for BENCH_DURATION_S; the
 * figures are throughput, latency, and the read transactions each server committed per request (pg_stat_database on
 * the primary and, when given, on the standby), plus the service's own counters of reads per replica.
 * {@code --phase booking}: travellers book and cancel seats while the primary's pg_stat_replication.replay_lag is
 * sampled every 20 ms, and each booking call timed. {@code --phase summary --none JSON --one JSON --booking JSON
 * [--booking-synchronous JSON]}: the scenario's figures.
 */
public class ReplicaRead {

	private static final Log LOG = new Log("replicas");
	static final double TARGET_PRIMARY_DROP = 0.8;
	static final double TARGET_LAG_P99_MS = 100;

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		String phase = options.required("phase");
		String json = switch (phase) {
			case "read" -> read(options);
			case "booking" -> booking(options);
			case "summary" -> summary(options.required("none"), options.required("one"), options.required("booking"),
					options.get("booking-synchronous"));
			default -> throw new IllegalArgumentException("--phase is read, booking or summary but was " + phase);
		};
		System.out.println(json);
	}

	private static String read(Options options) throws Exception {
		Api setup = new Api(options.required("base-url"));
		int clients = Options.envInt("BENCH_CLIENTS", 16, 1);
		int seconds = Options.envInt("BENCH_DURATION_S", 20, 1);
		int warmup = Options.envInt("BENCH_WARMUP_S", 5, 0);
		List<String> codes = setup.tripCodes();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			tokens.add(setup.newTraveller());
		}
		String[] paths = { "/api/v1/me", "/api/v1/bookings" };
		LOG.line("%d travellers, %d trips; warm-up %d s", clients, codes.size(), warmup);
		load(options, tokens, codes, paths, warmup);
		// the registrations' tokens have expired and the replica serves everyone
		Thread.sleep(3000);
		// what the primary commits with no request at all (jobs, the replica checker), to tell reads from it
		int idle = Options.envInt("BENCH_IDLE_S", 10, 1);
		long idleStart = System.nanoTime();
		long primaryIdle = Stats.commits(options.required("primary-jdbc"));
		Thread.sleep(idle * 1000L);
		long primaryBefore = Stats.commits(options.required("primary-jdbc"));
		double background = (primaryBefore - primaryIdle) / ((System.nanoTime() - idleStart) / 1e9);
		long standbyBefore = Stats.commits(options.get("standby-jdbc"));
		double[] appBefore = appReads(setup);
		long loadStart = System.nanoTime();
		Latencies latencies = new Latencies();
		long[] counts = load(options, tokens, codes, paths, seconds, latencies);
		Thread.sleep(2000);
		long primary = Stats.commits(options.required("primary-jdbc")) - primaryBefore;
		double elapsed = (System.nanoTime() - loadStart) / 1e9;
		long standby = Stats.commits(options.get("standby-jdbc")) - standbyBefore;
		double[] appAfter = appReads(setup);
		long requests = counts[0];
		double primaryReads = Math.max(0, primary - background * elapsed);
		LOG.line("%d requests, %d errors; primary committed %d transactions (%.1f/s in the background), standby %d",
				requests, counts[1], primary, background, standby);
		return String.format(Locale.ROOT,
				"{\"requests\":%d,\"errors\":%d,\"throughput_rps\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
						+ "\"primary_commits\":%d,\"primary_background_commits_per_s\":%.2f,"
						+ "\"standby_commits\":%d,\"primary_commits_per_request\":%.4f,"
						+ "\"primary_read_commits_per_request\":%.4f,\"standby_commits_per_request\":%.4f,"
						+ "\"app_reads_on_primary\":%.0f,\"app_reads_on_replicas\":%.0f}",
				requests, counts[1], requests / (double) seconds, latencies.percentileMs(0.5),
				latencies.percentileMs(0.99), primary, background, standby, primary / (double) requests,
				primaryReads / requests, standby / (double) requests, appAfter[0] - appBefore[0],
				appAfter[1] - appBefore[1]);
	}

	private static void load(Options options, List<String> tokens, List<String> codes, String[] paths, int seconds)
			throws Exception {
		load(options, tokens, codes, paths, seconds, new Latencies());
	}

	/** Requests and errors. */
	private static long[] load(Options options, List<String> tokens, List<String> codes, String[] paths, int seconds,
			Latencies all) throws Exception {
		AtomicLong requests = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Latencies> perClient = new ArrayList<>();
		CountDownLatch done = new CountDownLatch(tokens.size());
		for (String token : tokens) {
			Latencies mine = new Latencies();
			perClient.add(mine);
			Api api = new Api(options.required("base-url"));
			new Thread(() -> {
				try {
					int i = 0;
					while (System.nanoTime() < end) {
						String path = i % 3 == 2 ? "/api/v1/trips/" + codes.get(ThreadLocalRandom.current().nextInt(codes.size()))
								: paths[i % 3];
						long started = System.nanoTime();
						HttpResponse<String> answer = api.send("GET", path, token, null);
						mine.add(System.nanoTime() - started);
						requests.incrementAndGet();
						if (answer.statusCode() != 200) {
							errors.incrementAndGet();
						}
						i++;
					}
				}
				catch (Exception ex) {
					errors.incrementAndGet();
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		done.await();
		perClient.forEach(all::addAll);
		return new long[] { requests.get(), errors.get() };
	}

	private static final Pattern READS = Pattern
		.compile("getaways_replica_reads_total\\{[^}]*replica=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)");

	/** The service's own counters: reads the primary served, reads the replicas served. */
	private static double[] appReads(Api api) throws Exception {
		HttpResponse<String> answer = api.send("GET", "/actuator/prometheus", null, null);
		double primary = 0;
		double replicas = 0;
		if (answer.statusCode() == 200) {
			Matcher matcher = READS.matcher(answer.body());
			while (matcher.find()) {
				double value = Double.parseDouble(matcher.group(2));
				if (matcher.group(1).equals("primary")) {
					primary += value;
				}
				else {
					replicas += value;
				}
			}
		}
		return new double[] { primary, replicas };
	}

	private static String booking(Options options) throws Exception {
		Api setup = new Api(options.required("base-url"));
		int clients = Options.envInt("BENCH_CLIENTS", 16, 1);
		int seconds = Options.envInt("BENCH_DURATION_S", 20, 1);
		List<String> codes = setup.tripCodes();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			tokens.add(setup.newTraveller());
		}
		AtomicBoolean running = new AtomicBoolean(true);
		List<Double> lags = new ArrayList<>();
		Thread sampler = new Thread(() -> sampleLag(options.required("primary-jdbc"), running, lags));
		sampler.start();
		AtomicLong cycles = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		CountDownLatch done = new CountDownLatch(clients);
		List<Latencies> perClient = new ArrayList<>();
		for (String token : tokens) {
			Api api = new Api(options.required("base-url"));
			Latencies mine = new Latencies();
			perClient.add(mine);
			new Thread(() -> {
				try {
					while (System.nanoTime() < end) {
						long started = System.nanoTime();
						String id = api.book(token, codes.get(ThreadLocalRandom.current().nextInt(codes.size())));
						mine.add(System.nanoTime() - started);
						if (id == null) {
							refused.incrementAndGet();
							continue;
						}
						api.send("POST", "/api/v1/bookings/" + id + "/cancel", token, null);
						cycles.incrementAndGet();
					}
				}
				catch (Exception ex) {
					refused.incrementAndGet();
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		done.await();
		running.set(false);
		sampler.join();
		Latencies book = new Latencies();
		perClient.forEach(book::addAll);
		Latencies lag = new Latencies();
		synchronized (lags) {
			lags.forEach(ms -> lag.add((long) (ms * 1_000_000)));
		}
		LOG.line("%d book-and-cancel cycles, %d refused; %d lag samples", cycles.get(), refused.get(), lag.count());
		return String.format(Locale.ROOT,
				"{\"book_cancel_cycles\":%d,\"refused\":%d,\"bookings_per_s\":%.1f,\"book_p50_ms\":%.2f,"
						+ "\"book_p99_ms\":%.2f,\"lag_samples\":%d,\"lag_p50_ms\":%.2f,\"lag_p99_ms\":%.2f,"
						+ "\"lag_max_ms\":%.2f}",
				cycles.get(), refused.get(), cycles.get() / (double) seconds, book.percentileMs(0.5),
				book.percentileMs(0.99), lag.count(), lag.percentileMs(0.5), lag.percentileMs(0.99),
				lag.percentileMs(1.0));
	}

	/** replay_lag: from the primary's flush of WAL to the standby's report of having replayed it. */
	private static void sampleLag(String url, AtomicBoolean running, List<Double> lags) {
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			while (running.get()) {
				try (ResultSet row = statement.executeQuery(
						"SELECT coalesce(extract(epoch FROM replay_lag) * 1000, 0) FROM pg_stat_replication")) {
					while (row.next()) {
						synchronized (lags) {
							lags.add(row.getDouble(1));
						}
					}
				}
				Thread.sleep(20);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("lag sampling failed", ex);
		}
	}

	private static String summary(String none, String one, String booking, String synchronous) {
		double before = number(none, "primary_read_commits_per_request");
		double after = number(one, "primary_read_commits_per_request");
		double drop = before == 0 ? 0 : 1 - after / before;
		double appPrimary = number(one, "app_reads_on_primary");
		double appReplicas = number(one, "app_reads_on_replicas");
		double share = appPrimary + appReplicas == 0 ? 1 : appPrimary / (appPrimary + appReplicas);
		double lagP99 = number(booking, "lag_p99_ms");
		String figures = String.format(Locale.ROOT,
				"{\"no_replica\":%s,\"one_replica\":%s,\"booking_load\":%s,\"primary_read_commits_drop\":%.3f,"
						+ "\"primary_share_of_read_only_transactions\":%.3f,\"throughput_ratio\":%.3f,"
						+ "\"target_primary_drop\":%.2f,\"meets_primary_drop\":%b,\"target_lag_p99_ms\":%.0f,"
						+ "\"meets_lag_p99\":%b}",
				none, one, booking, drop, share, number(one, "throughput_rps") / number(none, "throughput_rps"),
				TARGET_PRIMARY_DROP, drop >= TARGET_PRIMARY_DROP, TARGET_LAG_P99_MS, lagP99 <= TARGET_LAG_P99_MS);
		return synchronous == null ? figures
				: figures.substring(0, figures.length() - 1) + ",\"booking_load_synchronous\":" + synchronous + "}";
	}

	private static double number(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":([0-9.eE+-]+)").matcher(json);
		if (!matcher.find()) {
			throw new IllegalArgumentException("no " + name + " in " + json);
		}
		return Double.parseDouble(matcher.group(1));
	}
}
