import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sign-in throughput and latency of a running Getaways: registers users, then keeps concurrent clients signing in
 * with POST /api/v1/auth/login for a fixed time, and prints one JSON line. The cost is dominated by Argon2id, whose
 * parameters are the server's; the ones given here are only reported, so pass the values the server runs with.
 *
 * <pre>
 * java bench/src/LoginBench.java --base-url http://localhost:8080 --users 40 --clients 4 --seconds 15 \
 *     --argon2-memory-kib 19456 --argon2-iterations 2 --argon2-parallelism 1
 * </pre>
 *
 * Start the server with {@code --getaways.rate-limit.enabled=false}, or the per-address limit measures itself.
 */
public class LoginBench {

	private static final String PASSWORD = "login bench password 1";

	public static void main(String[] args) throws Exception {
		String loadBefore = loadAverage();
		Map<String, String> options = options(args);
		String baseUrl = options.getOrDefault("base-url", "http://localhost:8080").replaceAll("/+$", "");
		int users = intOption(options, "users", 40);
		int clients = intOption(options, "clients", 4);
		int seconds = intOption(options, "seconds", 15);
		int warmupSeconds = intOption(options, "warmup-seconds", 3);
		String memoryKib = options.getOrDefault("argon2-memory-kib", "19456");
		String iterations = options.getOrDefault("argon2-iterations", "2");
		String parallelism = options.getOrDefault("argon2-parallelism", "1");

		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		List<String> emails = register(http, baseUrl, users, clients);
		run(http, baseUrl, emails, clients, Duration.ofSeconds(warmupSeconds));
		Result result = run(http, baseUrl, emails, clients, Duration.ofSeconds(seconds));

		System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"login\",\"measured_at\":\"%s\","
				+ "\"logins_per_second\":%.1f,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"clients\":%d,\"users\":%d,"
				+ "\"seconds\":%d,\"logins\":%d,\"errors\":%d,\"cpus\":%d,\"load_average_1m_before\":%s,"
				+ "\"argon2\":{\"memory_kib\":%s,\"iterations\":%s,\"parallelism\":%s}}",
				Instant.now().truncatedTo(ChronoUnit.SECONDS), result.perSecond(), result.p50Ms(),
				result.p99Ms(), clients, users, seconds, result.count(), result.errors(),
				Runtime.getRuntime().availableProcessors(), loadBefore, Integer.parseInt(memoryKib),
				Integer.parseInt(iterations), Integer.parseInt(parallelism)));
		if (result.errors() > 0) {
			System.exit(1);
		}
	}

	/** Registers in parallel too: each registration hashes a password once, as costly as a sign-in. */
	private static List<String> register(HttpClient http, String baseUrl, int users, int clients)
			throws InterruptedException {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			emails.add("login-bench-" + run + "-" + i + "@example.com");
		}
		List<Thread> threads = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int first = c;
			threads.add(start(() -> {
				for (int i = first; i < users; i += clients) {
					String body = "{\"email\":\"" + emails.get(i) + "\",\"name\":\"Login Bench\",\"password\":\""
							+ PASSWORD + "\"}";
					int status = post(http, baseUrl + "/api/v1/auth/register", body);
					if (status != 201) {
						synchronized (failures) {
							failures.add(emails.get(i) + " -> " + status);
						}
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("Registration failed: " + failures);
		}
		return emails;
	}

	private static Result run(HttpClient http, String baseUrl, List<String> emails, int clients, Duration duration)
			throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		List<long[]> latencies = new ArrayList<>();
		int[] counts = new int[clients];
		AtomicLong errors = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			long[] mine = new long[1 << 16];
			latencies.add(mine);
			int client = c;
			threads.add(start(() -> {
				int n = 0;
				for (int i = client; System.nanoTime() < deadline && n < mine.length; i += clients) {
					String body = "{\"email\":\"" + emails.get(i % emails.size()) + "\",\"password\":\"" + PASSWORD
							+ "\"}";
					long begin = System.nanoTime();
					int status = post(http, baseUrl + "/api/v1/auth/login", body);
					mine[n++] = System.nanoTime() - begin;
					if (status != 200) {
						errors.incrementAndGet();
					}
				}
				counts[client] = n;
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsedSeconds = (System.nanoTime() - started) / 1e9;
		long[] all = new long[Arrays.stream(counts).sum()];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		return new Result(all.length, all.length / elapsedSeconds, percentileMs(all, 0.50), percentileMs(all, 0.99),
				errors.get());
	}

	/** The machine's load before the run: other work on the same cores lowers the figures. */
	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "null";
		}
	}

	private static Thread start(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
	}

	private static double percentileMs(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(fraction * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static int post(HttpClient http, String url, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Expected --name value but found " + args[i]);
			}
			String name = args[i].substring(2);
			int equals = name.indexOf('=');
			if (equals >= 0) {
				options.put(name.substring(0, equals), name.substring(equals + 1));
			}
			else if (i + 1 < args.length) {
				options.put(name, args[++i]);
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
		}
		return options;
	}

	private static int intOption(Map<String, String> options, String name, int defaultValue) {
		String value = options.get(name);
		return value == null ? defaultValue : Integer.parseInt(value);
	}

	private record Result(long count, double perSecond, double p50Ms, double p99Ms, long errors) {
	}
}
