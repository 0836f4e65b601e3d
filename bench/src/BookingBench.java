import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Booking throughput through the HTTP API against the same transactions' SQL sent straight over JDBC, at the same
 * concurrency, on one running Getaways and its PostgreSQL. One cycle is what a traveller does: book one seat of a trip
 * ({@code POST /api/v1/bookings}), then pay for it ({@code POST /api/v1/bookings/{id}/pay}); two transactions.
 *
 * <pre>
 * java -cp postgresql.jar bench/src/BookingBench.java --base-url http://localhost:8080 \
 *     --jdbc-url jdbc:postgresql://localhost:PORT/getaways --app-user getaways_app --app-password SECRET \
 *     [--clients 16] [--seconds 30] [--warmup-seconds 5] [--trips 8] [--app-pid PID] [--postgres-pid PID]
 *     [--api-only true] [--confirmed-out FILE]
 * </pre>
 *
 * <p>The SQL phases send, per cycle, the statements the service sends (read from its source and checked against
 * pg_stat_statements): the transaction context (role and request settings), the trip row locked, the conditional seat
 * update, the booking insert and one outbox row per event listener, commit; then the context, the booking row locked,
 * the conditional confirm, the payment module's paid check and payment insert, the outbox rows, commit. Audit and
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
 */
public class BookingBench {

	static final double TARGET_RATIO = 0.6;
	static final double TARGET_P99_MS = 100;

	public static void main(String[] args) throws Exception {
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		Map<String, String> options = options(args);
		String baseUrl = options.getOrDefault("base-url", "http://localhost:8080").replaceAll("/+$", "");
		String jdbcUrl = required(options, "jdbc-url");
		String appUser = options.getOrDefault("app-user", "getaways_app");
		String appPassword = required(options, "app-password");
		int clients = intOption(options, "clients", 16);
		int seconds = intOption(options, "seconds", 30);
		int warmup = intOption(options, "warmup-seconds", 5);
		int tripCount = intOption(options, "trips", 8);
		boolean apiOnly = Boolean.parseBoolean(options.getOrDefault("api-only", "false"));
		String confirmedOut = options.get("confirmed-out");
		Cpu.Probe cpu = new Cpu.Probe(longOption(options, "app-pid", -1), longOption(options, "postgres-pid", -1));
		if (!appUser.endsWith("_app")) {
			throw new IllegalArgumentException("Expected the application role <prefix>_app but was " + appUser);
		}
		String prefix = appUser.substring(0, appUser.length() - "_app".length());
		Database db = new Database(jdbcUrl, appUser, appPassword, prefix);

		List<String> trips = db.createTrips(tripCount);
		List<Traveller> travellers = Api.register(baseUrl, clients);
		log("trips " + trips + "; " + travellers.size() + " travellers registered");

		log("API phase: warm-up " + warmup + " s, then " + seconds + " s with " + clients + " clients");
		Api.run(baseUrl, travellers, trips, Duration.ofSeconds(warmup), cpu);
		Instant measuredFrom = Instant.now();
		Phase api = Api.run(baseUrl, travellers, trips, Duration.ofSeconds(seconds), cpu);
		Instant measuredTo = Instant.now();
		log("API phase: " + api.summary());
		if (confirmedOut != null) {
			Files.write(Path.of(confirmedOut), api.total().confirmed);
		}
		if (apiOnly) {
			printApiOnly(api, db.check(trips), measuredFrom, measuredTo, clients, seconds, tripCount, loadBefore);
			return;
		}
		int sqlWarmup = Math.min(warmup, 10);
		log("SQL phase, the two transactions: warm-up " + sqlWarmup + " s, then " + seconds + " s with " + clients
				+ " connections");
		db.run(travellers, trips, Duration.ofSeconds(sqlWarmup), cpu, false);
		Phase sql = db.run(travellers, trips, Duration.ofSeconds(seconds), cpu, false);
		log("SQL phase, the two transactions: " + sql.summary());
		log("SQL phase, with the outbox's after-commit transactions: " + seconds + " s");
		Phase sqlAll = db.run(travellers, trips, Duration.ofSeconds(seconds), cpu, true);
		log("SQL phase, with the outbox's after-commit transactions: " + sqlAll.summary());
		long[] check = db.check(trips);

		double ratio = sql.perSecond() == 0 ? 0 : api.perSecond() / sql.perSecond();
		double ratioAll = sqlAll.perSecond() == 0 ? 0 : api.perSecond() / sqlAll.perSecond();
		double p99 = api.cycle().percentile(0.99);
		System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"booking\",\"measured_at\":\"%s\","
				+ "\"api_tps\":%.1f,\"sql_tps\":%.1f,\"ratio\":%.3f,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"oversold\":%d,"
				+ "\"seat_mismatches\":%d,\"unit\":\"book-and-pay cycles per second, two transactions each\","
				+ "\"sql_with_outbox_tps\":%.1f,\"ratio_with_outbox\":%.3f,"
				+ "\"clients\":%d,\"seconds\":%d,\"trips\":%d,\"api\":%s,\"sql\":%s,\"sql_with_outbox\":%s,"
				+ "\"targets\":{\"ratio\":%.1f,\"p99_ms\":%.0f,\"oversold\":0},"
				+ "\"meets_targets\":{\"ratio\":%b,\"p99_ms\":%b,\"oversold\":%b},\"cpus\":%d,"
				+ "\"load_average_1m_before\":%s}",
				Instant.now().truncatedTo(ChronoUnit.SECONDS), api.perSecond(), sql.perSecond(), ratio,
				api.cycle().percentile(0.50), p99, check[0], check[1], sqlAll.perSecond(), ratioAll, clients, seconds,
				tripCount, api.json(), sql.json(), sqlAll.json(), TARGET_RATIO, TARGET_P99_MS, ratio >= TARGET_RATIO, p99 <= TARGET_P99_MS, check[0] == 0,
				Runtime.getRuntime().availableProcessors(), loadBefore));
		if (api.errors() > 0 || sql.errors() > 0 || sqlAll.errors() > 0 || check[0] != 0 || check[1] != 0) {
			System.exit(1);
		}
	}

	private static void printApiOnly(Phase api, long[] check, Instant measuredFrom, Instant measuredTo, int clients,
			int seconds, int tripCount, String loadBefore) {
		System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"booking-api\",\"api_tps\":%.1f,"
				+ "\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"oversold\":%d,\"seat_mismatches\":%d,\"measured_from\":\"%s\","
				+ "\"measured_to\":\"%s\",\"clients\":%d,\"seconds\":%d,\"trips\":%d,\"api\":%s,"
				+ "\"load_average_1m_before\":%s}", api.perSecond(), api.cycle().percentile(0.50),
				api.cycle().percentile(0.99), check[0], check[1], measuredFrom, measuredTo, clients, seconds, tripCount,
				api.json(), loadBefore));
		if (api.errors() > 0 || check[0] != 0 || check[1] != 0) {
			System.exit(1);
		}
	}

	record Traveller(String token, UUID userId) {
	}

	/** Latencies of one kind of operation over a phase, kept whole: percentiles are exact, nearest rank. */
	static final class Latencies {

		private long[] nanos = new long[1 << 14];
		private int count;

		void add(long value) {
			if (count == nanos.length) {
				nanos = Arrays.copyOf(nanos, count * 2);
			}
			nanos[count++] = value;
		}

		void addAll(Latencies other) {
			for (int i = 0; i < other.count; i++) {
				add(other.nanos[i]);
			}
		}

		int count() {
			return count;
		}

		double percentile(double quantile) {
			if (count == 0) {
				return 0;
			}
			long[] sorted = Arrays.copyOf(nanos, count);
			Arrays.sort(sorted);
			return sorted[Math.max(0, (int) Math.ceil(quantile * count) - 1)] / 1e6;
		}
	}

	/** One client's figures; merged into the phase's at the end. */
	static final class Tally {

		final Latencies cycle = new Latencies();
		final Latencies book = new Latencies();
		final Latencies pay = new Latencies();
		final List<String> confirmed = new ArrayList<>();
		long errors;
		String firstError;

		void error(String what) {
			errors++;
			if (firstError == null) {
				firstError = what;
			}
		}
	}

	record Phase(Tally total, double elapsedS, Cpu cpu) {

		static Phase merge(List<Tally> tallies, double elapsedS, Cpu cpu) {
			Tally total = new Tally();
			for (Tally tally : tallies) {
				total.cycle.addAll(tally.cycle);
				total.book.addAll(tally.book);
				total.pay.addAll(tally.pay);
				total.confirmed.addAll(tally.confirmed);
				total.errors += tally.errors;
				if (total.firstError == null) {
					total.firstError = tally.firstError;
				}
			}
			return new Phase(total, elapsedS, cpu);
		}

		Latencies cycle() {
			return total.cycle;
		}

		long errors() {
			return total.errors;
		}

		double perSecond() {
			return total.cycle.count() / elapsedS;
		}

		String summary() {
			return String.format(Locale.ROOT, "%.1f cycles/s, cycle p50 %.1f ms p99 %.1f ms, %d errors%s",
					perSecond(), total.cycle.percentile(0.5), total.cycle.percentile(0.99), total.errors,
					total.firstError == null ? "" : " (first: " + total.firstError + ")");
		}

		String json() {
			double cpuMsPerCycle = total.cycle.count() == 0 ? 0
					: (cpu.app() + cpu.stores()) * elapsedS * 1000 / total.cycle.count();
			return String.format(Locale.ROOT, "{\"cycles\":%d,\"errors\":%d,\"elapsed_s\":%.3f,\"cycle_p50_ms\":%.2f,"
					+ "\"cycle_p99_ms\":%.2f,\"book_p50_ms\":%.2f,\"book_p99_ms\":%.2f,\"pay_p50_ms\":%.2f,"
					+ "\"pay_p99_ms\":%.2f,\"server_cpu_ms_per_cycle\":%.2f,\"cpu_cores\":%s}", total.cycle.count(),
					total.errors, elapsedS, total.cycle.percentile(0.5), total.cycle.percentile(0.99),
					total.book.percentile(0.5), total.book.percentile(0.99), total.pay.percentile(0.5),
					total.pay.percentile(0.99), cpuMsPerCycle, cpu.json());
		}
	}

	/** The HTTP side: each client is a thread with its own HTTP/1.1 connection, sending one request after another. */
	static final class Api {

		private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
		private static final Pattern USER_ID = Pattern.compile("\"user\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
		private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

		static List<Traveller> register(String baseUrl, int count) throws IOException, InterruptedException {
			HttpClient http = client();
			String run = UUID.randomUUID().toString().substring(0, 8);
			List<Traveller> travellers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String body = "{\"email\":\"booking-bench-" + run + "-" + i + "@example.com\",\"name\":\"Bench " + i
						+ "\",\"password\":\"booking bench password 1\"}";
				HttpResponse<String> answer = http.send(post(baseUrl + "/api/v1/auth/register", null, body),
						HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() != 201) {
					throw new IllegalStateException("Registration answered " + answer.statusCode() + ": " + answer.body());
				}
				travellers.add(new Traveller(group(TOKEN, answer.body()), UUID.fromString(group(USER_ID, answer.body()))));
			}
			return travellers;
		}

		static Phase run(String baseUrl, List<Traveller> travellers, List<String> trips, Duration length, Cpu.Probe cpu)
				throws Exception {
			return Clients.run(travellers.size(), length, cpu, (index, deadline) -> {
				Tally tally = new Tally();
				HttpClient http = client();
				Traveller traveller = travellers.get(index);
				while (System.nanoTime() < deadline) {
					String trip = trips.get(ThreadLocalRandom.current().nextInt(trips.size()));
					long start = System.nanoTime();
					HttpResponse<String> booked = http.send(post(baseUrl + "/api/v1/bookings", traveller.token(),
							"{\"tripCode\":\"" + trip + "\",\"seats\":1}"), HttpResponse.BodyHandlers.ofString());
					long afterBook = System.nanoTime();
					if (booked.statusCode() != 201) {
						tally.error("book " + booked.statusCode() + " " + booked.body());
						continue;
					}
					String id = group(ID, booked.body());
					HttpResponse<String> paid = http.send(
							post(baseUrl + "/api/v1/bookings/" + id + "/pay", traveller.token(), null),
							HttpResponse.BodyHandlers.ofString());
					long end = System.nanoTime();
					if (paid.statusCode() != 200) {
						tally.error("pay " + paid.statusCode() + " " + paid.body());
						continue;
					}
					tally.book.add(afterBook - start);
					tally.pay.add(end - afterBook);
					tally.cycle.add(end - start);
					tally.confirmed.add(id);
				}
				return tally;
			});
		}

		private static HttpRequest post(String uri, String token, String json) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			if (json == null) {
				return request.POST(HttpRequest.BodyPublishers.noBody()).build();
			}
			return request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build();
		}

		private static HttpClient client() {
			return HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
		}

		private static String group(Pattern pattern, String body) {
			Matcher matcher = pattern.matcher(body);
			if (!matcher.find()) {
				throw new IllegalStateException(pattern + " not found in " + body);
			}
			return matcher.group(1);
		}
	}

	/** Runs one client per thread until the deadline and merges their tallies. */
	static final class Clients {

		interface Client {

			Tally run(int index, long deadlineNanos) throws Exception;
		}

		static Phase run(int count, Duration length, Cpu.Probe cpu, Client client) throws Exception {
			List<Tally> tallies = new ArrayList<>();
			List<Thread> threads = new ArrayList<>();
			List<Exception> failures = new ArrayList<>();
			Cpu.Sample before = cpu.sample();
			long start = System.nanoTime();
			long deadline = start + length.toNanos();
			for (int i = 0; i < count; i++) {
				int index = i;
				Thread thread = new Thread(() -> {
					try {
						Tally tally = client.run(index, deadline);
						synchronized (tallies) {
							tallies.add(tally);
						}
					}
					catch (Exception ex) {
						synchronized (failures) {
							failures.add(ex);
						}
					}
				}, "client-" + i);
				threads.add(thread);
				thread.start();
			}
			for (Thread thread : threads) {
				thread.join();
			}
			double elapsedS = (System.nanoTime() - start) / 1e9;
			Cpu used = Cpu.between(before, cpu.sample());
			if (!failures.isEmpty()) {
				throw new IllegalStateException("A client failed", failures.get(0));
			}
			return Phase.merge(tallies, elapsedS, used);
		}
	}

	/** The SQL side, and the set-up and checks that need the database. */
	static final class Database {

		static final String CONTEXT = """
				SELECT set_config('role', ?, true),
				       set_config('app.user_id', ?, true),
				       set_config('app.actor', ?, true),
				       set_config('app.client_ip', ?, true),
				       set_config('app.user_agent', ?, true),
				       set_config('app.request_id', ?, true)
				""";

		static final String LOCK_TRIP = """
				SELECT id, code, departs_at, nights, price_per_person, currency, capacity, seats_booked, status
				FROM app.trips
				WHERE code = ?
				FOR NO KEY UPDATE""";

		static final String RESERVE = """
				UPDATE app.trips
				SET seats_booked = seats_booked + ?
				WHERE id = ?
				  AND status = 'ACTIVE'
				  AND seats_booked + ? <= capacity
				RETURNING code""";

		static final String BOOKING_COLUMNS = """
				b.id, b.user_id, b.status, b.trip_id, b.stay_id, b.seats, b.guests,
				lower(b.stay_dates) AS check_in, upper(b.stay_dates) AS check_out, b.starts_at, b.ends_at,
				b.unit_price, b.quantity, b.total_amount, b.currency, b.hold_expires_at, b.created_at, b.updated_at,
				b.confirmed_at, b.completed_at, b.cancelled_at, b.cancellation_reason, b.refund_amount,
				(SELECT t.code FROM app.trips t WHERE t.id = b.trip_id) AS trip_code,
				(SELECT s.code FROM app.stays s WHERE s.id = b.stay_id) AS stay_code,
				coalesce(b.hold_expires_at <= now(), false) AS hold_expired, b.starts_at <= now() AS started""";

		static final String INSERT_BOOKING = """
				INSERT INTO app.bookings AS b
				  (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount, currency,
				   hold_expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now() + ? * interval '1 millisecond')
				RETURNING""" + " " + BOOKING_COLUMNS;

		static final String LOCK_BOOKING = "SELECT " + BOOKING_COLUMNS + """

				FROM app.bookings b
				WHERE b.id = ? AND b.user_id = ? FOR UPDATE OF b""";

		static final String CONFIRM = """
				UPDATE app.bookings b
				SET status = 'CONFIRMED', confirmed_at = now()
				WHERE b.id = ?
				  AND b.status = 'PENDING'
				  AND b.hold_expires_at > now()
				RETURNING""" + " " + BOOKING_COLUMNS;

		static final String IS_PAID = """
				SELECT EXISTS (SELECT 1 FROM app.payments WHERE booking_id = ? AND status = 'CAPTURED')""";

		static final String INSERT_PAYMENT = """
				INSERT INTO app.payments (id, booking_id, user_id, amount, currency, status, gateway_reference)
				VALUES (?, ?, ?, ?, ?, 'CAPTURED', ?)
				RETURNING id, booking_id, user_id, amount, currency, status, gateway_reference, refunded_amount,
				          created_at""";

		static final String PUBLISH = """
				INSERT INTO app.event_publication (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS,
				  COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""";

		static final String MARK_PROCESSING = """
				UPDATE app.event_publication
				SET status = 'PROCESSING'
				WHERE id = ?
				  AND status IN ('PUBLISHED', 'RESUBMITTED')""";

		static final String MARK_COMPLETED = """
				UPDATE app.event_publication
				SET status = 'COMPLETED',
				    completion_date = ?
				WHERE id = ?""";

		private final String url;
		private final String user;
		private final String password;
		private final String prefix;

		Database(String url, String user, String password, String prefix) {
			this.url = url;
			this.user = user;
			this.password = password;
			this.prefix = prefix;
		}

		List<String> createTrips(int count) throws SQLException {
			List<String> codes = new ArrayList<>();
			try (Connection connection = connect(false)) {
				begin(connection, prefix + "_jobs", null, "job:bench-booking");
				try (PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, currency, capacity)
						VALUES (?, ?, 'Bench Bay', now() + interval '200 days', 7, 100.00, 'USD', 100000000)""")) {
					for (int i = 0; i < count; i++) {
						String code = "BENCH" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
						insert.setString(1, code);
						insert.setString(2, "Bench trip " + i);
						insert.executeUpdate();
						codes.add(code);
					}
				}
				connection.commit();
			}
			return codes;
		}

		/** [oversold seats, trips whose seats_booked is not the sum of their live bookings' seats]. */
		long[] check(List<String> trips) throws SQLException {
			try (Connection connection = connect(false)) {
				begin(connection, prefix + "_jobs", null, "job:bench-booking");
				Array codes = connection.createArrayOf("text", trips.toArray());
				try (PreparedStatement sql = connection.prepareStatement("""
						SELECT coalesce(sum(greatest(0, t.seats_booked - t.capacity)), 0),
						       count(*) FILTER (WHERE t.seats_booked <> (SELECT coalesce(sum(b.seats), 0)
						                                                 FROM app.bookings b
						                                                 WHERE b.trip_id = t.id
						                                                   AND b.status IN ('PENDING', 'CONFIRMED')))
						FROM app.trips t
						WHERE t.code = ANY (?)""")) {
					sql.setArray(1, codes);
					try (ResultSet row = sql.executeQuery()) {
						row.next();
						long[] result = { row.getLong(1), row.getLong(2) };
						connection.commit();
						return result;
					}
				}
			}
		}

		/** Connections are opened before and closed after the phase, so their backends' CPU is in its figures. */
		Phase run(List<Traveller> travellers, List<String> trips, Duration length, Cpu.Probe cpu, boolean outbox)
				throws Exception {
			List<Connection[]> connections = new ArrayList<>();
			try {
				for (int i = 0; i < travellers.size(); i++) {
					connections.add(new Connection[] { connect(false), connect(false) });
				}
				return run(travellers, trips, length, cpu, connections, outbox);
			}
			finally {
				for (Connection[] pair : connections) {
					pair[0].close();
					pair[1].close();
				}
			}
		}

		private Phase run(List<Traveller> travellers, List<String> trips, Duration length, Cpu.Probe cpu,
				List<Connection[]> connections, boolean withOutbox) throws Exception {
			try (MarksWriter marks = withOutbox ? new MarksWriter() : null) {
				return run(travellers, trips, length, cpu, connections, marks);
			}
		}

		private Phase run(List<Traveller> travellers, List<String> trips, Duration length, Cpu.Probe cpu,
				List<Connection[]> connections, MarksWriter marks) throws Exception {
			return Clients.run(travellers.size(), length, cpu, (index, deadline) -> {
				Tally tally = new Tally();
				Traveller traveller = travellers.get(index);
				Connection tx = connections.get(index)[0];
				Connection outbox = marks != null ? connections.get(index)[1] : null;
				while (System.nanoTime() < deadline) {
					String trip = trips.get(ThreadLocalRandom.current().nextInt(trips.size()));
					long start = System.nanoTime();
					try {
						UUID bookingId = book(tx, marks, traveller, trip);
						long afterBook = System.nanoTime();
						pay(tx, outbox, marks, traveller, bookingId, trip);
						long end = System.nanoTime();
						tally.book.add(afterBook - start);
						tally.pay.add(end - afterBook);
						tally.cycle.add(end - start);
					}
					catch (SQLException ex) {
						tx.rollback();
						if (outbox != null) {
							outbox.rollback();
						}
						tally.error(ex.getSQLState() + " " + ex.getMessage());
					}
				}
				return tally;
			});
		}

		private UUID book(Connection tx, MarksWriter marks, Traveller traveller, String trip) throws SQLException {
			begin(tx, prefix + "_customer", traveller.userId().toString(), "bench@example.com");
			long tripId;
			Timestamp departs;
			BigDecimal price;
			try (PreparedStatement lock = tx.prepareStatement(LOCK_TRIP)) {
				lock.setString(1, trip);
				try (ResultSet row = lock.executeQuery()) {
					row.next();
					tripId = row.getLong("id");
					departs = row.getTimestamp("departs_at");
					price = row.getBigDecimal("price_per_person");
				}
			}
			try (PreparedStatement reserve = tx.prepareStatement(RESERVE)) {
				reserve.setInt(1, 1);
				reserve.setLong(2, tripId);
				reserve.setInt(3, 1);
				try (ResultSet row = reserve.executeQuery()) {
					if (!row.next()) {
						throw new IllegalStateException("Trip " + trip + " refused a seat");
					}
				}
			}
			UUID bookingId;
			try (PreparedStatement insert = tx.prepareStatement(INSERT_BOOKING)) {
				insert.setObject(1, traveller.userId());
				insert.setLong(2, tripId);
				insert.setInt(3, 1);
				insert.setTimestamp(4, departs);
				insert.setTimestamp(5, Timestamp.from(departs.toInstant().plus(Duration.ofDays(7))));
				insert.setBigDecimal(6, price);
				insert.setInt(7, 1);
				insert.setBigDecimal(8, price);
				insert.setString(9, "USD");
				insert.setLong(10, Duration.ofMinutes(15).toMillis());
				try (ResultSet row = insert.executeQuery()) {
					row.next();
					bookingId = row.getObject("id", UUID.class);
				}
			}
			List<UUID> events = List.of(
					publish(tx, "io.getaways.catalog.TripChanged",
							"io.getaways.catalog.internal.TripEventListeners.evictChangedTrip(io.getaways.catalog.TripChanged)",
							"{\"code\":\"" + trip + "\"}"),
					publish(tx, "io.getaways.booking.BookingPlaced",
							"io.getaways.booking.internal.BookingMetrics.on(io.getaways.booking.BookingPlaced)",
							"{\"bookingId\":\"" + bookingId + "\",\"userId\":\"" + traveller.userId() + "\",\"tripCode\":\""
									+ trip + "\",\"stayCode\":null,\"quantity\":1,\"totalAmount\":100.00,"
									+ "\"currency\":\"USD\",\"holdExpiresAt\":\"" + Instant.now() + "\"}"));
			tx.commit();
			afterCommit(marks, events);
			return bookingId;
		}

		private void pay(Connection tx, Connection outbox, MarksWriter marks, Traveller traveller, UUID bookingId,
				String trip)
				throws SQLException {
			begin(tx, prefix + "_customer", traveller.userId().toString(), "bench@example.com");
			try (PreparedStatement lock = tx.prepareStatement(LOCK_BOOKING)) {
				lock.setObject(1, bookingId);
				lock.setObject(2, traveller.userId());
				try (ResultSet row = lock.executeQuery()) {
					if (!row.next() || !"PENDING".equals(row.getString("status")) || row.getBoolean("hold_expired")) {
						throw new IllegalStateException("Booking " + bookingId + " is not payable");
					}
				}
			}
			BigDecimal total;
			try (PreparedStatement confirm = tx.prepareStatement(CONFIRM)) {
				confirm.setObject(1, bookingId);
				try (ResultSet row = confirm.executeQuery()) {
					row.next();
					total = row.getBigDecimal("total_amount");
				}
			}
			try (PreparedStatement paid = tx.prepareStatement(IS_PAID)) {
				paid.setObject(1, bookingId);
				try (ResultSet row = paid.executeQuery()) {
					row.next();
				}
			}
			UUID paymentId = UUID.randomUUID();
			String reference = "sim_ch_" + UUID.randomUUID().toString().replace("-", "");
			try (PreparedStatement insert = tx.prepareStatement(INSERT_PAYMENT)) {
				insert.setObject(1, paymentId);
				insert.setObject(2, bookingId);
				insert.setObject(3, traveller.userId());
				insert.setBigDecimal(4, total);
				insert.setString(5, "USD");
				insert.setString(6, reference);
				try (ResultSet row = insert.executeQuery()) {
					row.next();
				}
			}
			List<UUID> events = List.of(
					publish(tx, "io.getaways.payment.PaymentCaptured",
							"io.getaways.payment.internal.PaymentEventMetrics.captured(io.getaways.payment.PaymentCaptured)",
							"{\"paymentId\":\"" + paymentId + "\",\"bookingId\":\"" + bookingId + "\",\"userId\":\""
									+ traveller.userId() + "\",\"amount\":100.00,\"currency\":\"USD\","
									+ "\"gatewayReference\":\"" + reference + "\"}"),
					publish(tx, "io.getaways.booking.BookingConfirmed",
							"io.getaways.booking.internal.BookingMetrics.on(io.getaways.booking.BookingConfirmed)",
							"{\"bookingId\":\"" + bookingId + "\",\"userId\":\"" + traveller.userId() + "\",\"tripCode\":\""
									+ trip + "\",\"stayCode\":null,\"amount\":100.00,\"currency\":\"USD\","
									+ "\"paymentId\":\"" + paymentId + "\"}"),
					publish(tx, "io.getaways.booking.BookingConfirmed",
							"io.getaways.notification.internal.BookingNotifications.confirmed(io.getaways.booking.BookingConfirmed)",
							"{\"bookingId\":\"" + bookingId + "\",\"userId\":\"" + traveller.userId() + "\",\"tripCode\":\""
									+ trip + "\",\"stayCode\":null,\"amount\":100.00,\"currency\":\"USD\","
									+ "\"paymentId\":\"" + paymentId + "\"}"));
			tx.commit();
			afterCommit(marks, events);
			if (outbox != null) {
				// the notification listener runs asynchronously in a transaction of its own that writes to MongoDB only
				begin(outbox, prefix + "_customer", traveller.userId().toString(), "bench@example.com");
				outbox.commit();
			}
		}

		private static UUID publish(Connection tx, String type, String listener, String json) throws SQLException {
			UUID id = UUID.randomUUID();
			try (PreparedStatement insert = tx.prepareStatement(PUBLISH)) {
				insert.setObject(1, id);
				insert.setString(2, type);
				insert.setString(3, listener);
				insert.setTimestamp(4, Timestamp.from(Instant.now()));
				insert.setString(5, json);
				insert.setString(6, "PUBLISHED");
				insert.setInt(7, 1);
				insert.setTimestamp(8, null);
				insert.executeUpdate();
			}
			return id;
		}

		/**
		 * What the outbox does after commit for each listener it ran, when there is a marks writer: two state marks
		 * (started, completed) queued for the writer, which writes whatever has queued in one transaction of its own.
		 */
		private void afterCommit(MarksWriter marks, List<UUID> events) {
			if (marks != null) {
				marks.offer(events);
			}
		}

		/** The service's outbox-marks thread: one connection, one transaction for every batch of marks. */
		final class MarksWriter implements AutoCloseable {

			private final BlockingQueue<UUID> queue = new LinkedBlockingQueue<>();
			private final Connection connection;
			private final Thread thread;
			private volatile boolean running = true;

			MarksWriter() throws SQLException {
				connection = connect(false);
				thread = new Thread(this::writeUntilClosed, "bench-outbox-marks");
				thread.setDaemon(true);
				thread.start();
			}

			void offer(List<UUID> ids) {
				queue.addAll(ids);
			}

			private void writeUntilClosed() {
				List<UUID> batch = new ArrayList<>();
				while (running) {
					try {
						batch.add(queue.take());
						queue.drainTo(batch, 499);
						Timestamp now = Timestamp.from(Instant.now());
						begin(connection, prefix + "_jobs", null, "job:outbox-marks");
						try (PreparedStatement processing = connection.prepareStatement(MARK_PROCESSING);
								PreparedStatement completed = connection.prepareStatement(MARK_COMPLETED)) {
							for (UUID id : batch) {
								processing.setObject(1, id);
								processing.addBatch();
								completed.setTimestamp(1, now);
								completed.setObject(2, id);
								completed.addBatch();
							}
							processing.executeBatch();
							completed.executeBatch();
						}
						connection.commit();
						batch.clear();
					}
					catch (InterruptedException ex) {
						return;
					}
					catch (SQLException ex) {
						log("outbox marks: " + ex.getMessage());
						batch.clear();
					}
				}
			}

			@Override
			public void close() throws Exception {
				running = false;
				thread.interrupt();
				thread.join(10_000);
				connection.close();
			}
		}

		private void begin(Connection connection, String role, String userId, String actor) throws SQLException {
			try (PreparedStatement context = connection.prepareStatement(CONTEXT)) {
				context.setString(1, role);
				context.setString(2, userId == null ? "" : userId);
				context.setString(3, actor);
				context.setString(4, "127.0.0.1");
				context.setString(5, "BookingBench");
				context.setString(6, UUID.randomUUID().toString());
				context.execute();
			}
		}

		private Connection connect(boolean autoCommit) throws SQLException {
			Connection connection = DriverManager.getConnection(url, user, password);
			connection.setAutoCommit(autoCommit);
			return connection;
		}
	}

	/** Average cores busy over a phase, from /proc jiffies; "other" is whatever else ran on the machine. */
	record Cpu(double app, double stores, double loadGenerator, double machineBusy, int cores) {

		static Cpu between(Sample before, Sample after) {
			double wallTicks = Math.max(1, (double) (after.machineTotal - before.machineTotal) / after.cores);
			return new Cpu((after.app - before.app) / wallTicks, (after.stores - before.stores) / wallTicks,
					(after.self - before.self) / wallTicks, (after.machineBusy - before.machineBusy) / wallTicks,
					after.cores);
		}

		String json() {
			double other = Math.max(0, machineBusy - app - stores - loadGenerator);
			return String.format(Locale.ROOT, "{\"app\":%.2f,\"stores\":%.2f,\"load_generator\":%.2f,\"other\":%.2f,"
					+ "\"machine_busy\":%.2f,\"machine_cores\":%d}", app, stores, loadGenerator, other, machineBusy,
					cores);
		}

		record Sample(long machineBusy, long machineTotal, int cores, long app, long stores, long self) {
		}

		/** Stores are the app's child processes (Redis) and the PostgreSQL postmaster with its backends. */
		record Probe(long appPid, long postgresPid) {

			Sample sample() throws IOException {
				long busy = 0;
				long total = 0;
				int cores = 0;
				for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
					if (line.startsWith("cpu ")) {
						String[] f = line.trim().split("\\s+");
						for (int i = 1; i < f.length && i <= 8; i++) {
							long v = Long.parseLong(f[i]);
							total += v;
							busy += i == 4 || i == 5 ? 0 : v;
						}
					}
					else if (line.startsWith("cpu")) {
						cores++;
					}
				}
				long stores = 0;
				List<Long> pids = new ArrayList<>();
				if (appPid > 0) {
					ProcessHandle.of(appPid).ifPresent(app -> app.descendants().forEach(p -> pids.add(p.pid())));
				}
				if (postgresPid > 0) {
					pids.add(postgresPid);
					ProcessHandle.of(postgresPid).ifPresent(pg -> pg.descendants().forEach(p -> pids.add(p.pid())));
				}
				for (long pid : pids) {
					stores += ticks(pid);
				}
				return new Sample(busy, total, cores, appPid > 0 ? ticks(appPid) : 0, stores,
						ticks(ProcessHandle.current().pid()));
			}

			private static long ticks(long pid) {
				try {
					String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					return Long.parseLong(f[11]) + Long.parseLong(f[12]);
				}
				catch (IOException | RuntimeException ex) {
					return 0;
				}
			}
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("Expected --name value pairs but got " + Arrays.toString(args));
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	private static int intOption(Map<String, String> options, String name, int fallback) {
		return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
	}

	private static long longOption(Map<String, String> options, String name, long fallback) {
		String value = options.get(name);
		return value == null || value.isBlank() ? fallback : Long.parseLong(value);
	}

	private static void log(String message) {
		System.err.println("[booking-bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
	}
}
