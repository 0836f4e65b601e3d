import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import support.Http;
import support.Latencies;
import support.LoadAverage;
import support.Options;

/**
 * Sign-in throughput and latency of a running Getaways: registers users, then keeps concurrent clients signing in
 * with POST /api/v1/auth/login for a fixed time, and prints one JSON line. The cost is dominated by Argon2id, whose
 * parameters are the server's; the ones given here are only reported, so pass the values the server runs with.
 *
 * <pre>
 * java -cp bench/work/classes LoginBench --base-url http://localhost:8080 --users 40 --clients 4 --seconds 15 \
 *     --argon2-memory-kib 19456 --argon2-iterations 2 --argon2-parallelism 1
 * </pre>
 *
 * Start the server with {@code --getaways.rate-limit.enabled=false}, or the per-address limit measures itself.
 */
public class LoginBench {

	private static final String PASSWORD = "login bench password 1";

	public static void main(String[] args) throws Exception {
		String loadBefore = LoadAverage.oneMinuteJson();
		Options options = Options.parse(args);
		String baseUrl = options.get("base-url", "http://localhost:8080").replaceAll("/+$", "");
		int users = options.intValue("users", 40);
		int clients = options.intValue("clients", 4);
		int seconds = options.intValue("seconds", 15);
		int warmupSeconds = options.intValue("warmup-seconds", 3);
		String memoryKib = options.get("argon2-memory-kib", "19456");
		String iterations = options.get("argon2-iterations", "2");
		String parallelism = options.get("argon2-parallelism", "1");

		HttpClient http = Http.newClient();
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
		List<Latencies> latencies = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			Latencies mine = new Latencies();
			latencies.add(mine);
			int client = c;
			threads.add(start(() -> {
				for (int i = client; System.nanoTime() < deadline; i += clients) {
					String body = "{\"email\":\"" + emails.get(i % emails.size()) + "\",\"password\":\"" + PASSWORD
							+ "\"}";
					long begin = System.nanoTime();
					int status = post(http, baseUrl + "/api/v1/auth/login", body);
					mine.add(System.nanoTime() - begin);
					if (status != 200) {
						errors.incrementAndGet();
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsedSeconds = (System.nanoTime() - started) / 1e9;
		Latencies all = new Latencies();
		latencies.forEach(all::addAll);
		return new Result(all.count(), all.count() / elapsedSeconds, all.percentileMs(0.50), all.percentileMs(0.99),
				errors.get());
	}

	private static Thread start(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
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

	private record Result(long count, double perSecond, double p50Ms, double p99Ms, long errors) {
	}
}
