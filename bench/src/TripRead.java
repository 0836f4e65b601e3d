import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import support.CpuUse;
import support.Http;
import support.Latencies;
import support.Log;
import support.Options;

/**
 * Load generator for the trip-read scenario: single-trip reads against a trivial endpoint of the same server, so the
 * ratio between the two shows what the trip path costs on top of the web stack on the same hardware; then the list
 * {@code GET /api/v1/trips} beside Travlr's list {@code GET /api/trips} and item {@code GET /api/trips/{code}}, which
 * must reach {@value #TARGET_TRAVLR_RATIO} of the v1 list's throughput in the same run.
 *
 * <p>Usage: {@code java -cp bench/work/classes TripRead BASE_URL APP_PID [POSTGRES_PID]}; settings come from
 * BENCH_DURATION_S, BENCH_CLIENTS and BENCH_WARMUP_S. Progress goes to stderr; the last stdout line is the JSON of
 * figures. Each phase also reports where the CPU went (app, store servers, this load generator, everything else),
 * because on a small machine the generator and the server compete for the same cores.
 */
public class TripRead {

	private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
	private static final Pattern TOTAL_PAGES = Pattern.compile("\"totalPages\":(\\d+)");
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
	private static final Log LOG = new Log("trip-read");

	static final double TARGET_RATIO = 0.6;
	static final double TARGET_RSS_MB = 600;
	static final double TARGET_CACHE_HIT_RATIO = 0.95;
	static final double TARGET_TRAVLR_RATIO = 0.9;
	/**
	 * The fixed cost of a request: half of the trivial endpoint's 0.997 ms of app CPU per request that issue 19 measured.
	 */
	static final double TARGET_TRIVIAL_CPU_MS = 0.5;

	public static void main(String[] args) throws Exception {
		if (args.length < 2 || args.length > 3) {
			System.err.println("usage: TripRead BASE_URL APP_PID [POSTGRES_PID]");
			System.exit(2);
		}
		String base = args[0].replaceAll("/+$", "");
		long pid = Long.parseLong(args[1]);
		CpuUse.Probe cpu = new CpuUse.Probe(pid, args.length == 3 && !args[2].isBlank() ? Long.parseLong(args[2]) : -1);
		int durationS = Options.envInt("BENCH_DURATION_S", 20, 1);
		int clients = Options.envInt("BENCH_CLIENTS", 16, 1);
		int warmupS = Options.envInt("BENCH_WARMUP_S", 5, 0);

		List<String> codes = tripCodes(base);
		LOG.line("%d trip codes", codes.size());
		if (codes.isEmpty()) {
			throw new IllegalStateException("GET /api/v1/trips returned no trips; nothing to read");
		}
		List<URI> tripUris = codes.stream().map(code -> URI.create(base + "/api/v1/trips/" + code)).toList();
		List<URI> trivialUris = List.of(URI.create(base + "/actuator/health/liveness"));
		List<URI> v1ListUris = List.of(URI.create(base + "/api/v1/trips"));
		List<URI> travlrListUris = List.of(URI.create(base + "/api/trips"));
		List<URI> travlrTripUris = codes.stream().map(code -> URI.create(base + "/api/trips/" + code)).toList();

		warmCache(tripUris);
		// The JIT compiles both paths before anything is recorded; otherwise whichever phase runs first pays for it.
		if (warmupS > 0) {
			LOG.line("JIT warm-up: %d s on each endpoint", warmupS);
			run(tripUris, clients, warmupS, cpu);
			run(trivialUris, clients, warmupS, cpu);
			run(v1ListUris, clients, warmupS, cpu);
			run(travlrListUris, clients, warmupS, cpu);
			run(travlrTripUris, clients, warmupS, cpu);
		}

		double[] countersBefore = cacheCounters(base);
		LOG.line("trip phase: %d clients for %d s on GET /api/v1/trips/{code}", clients, durationS);
		Phase trip = run(tripUris, clients, durationS, cpu);
		LOG.line("trip: %s", trip.json());
		double[] countersAfter = cacheCounters(base);

		LOG.line("trivial phase: %d clients for %d s on GET /actuator/health/liveness", clients, durationS);
		Phase trivial = run(trivialUris, clients, durationS, cpu);
		LOG.line("trivial: %s", trivial.json());

		Phase v1List = phase("v1 list", "GET /api/v1/trips", v1ListUris, clients, durationS, cpu);
		Phase travlrList = phase("travlr list", "GET /api/trips", travlrListUris, clients, durationS, cpu);
		Phase travlrTrip = phase("travlr trip", "GET /api/trips/{code}", travlrTripUris, clients, durationS, cpu);
		double travlrListRatio = ratio(travlrList, v1List);
		double travlrTripRatio = ratio(travlrTrip, v1List);

		double rssMb = procStatusMb(pid, "VmRSS");
		double hwmMb = procStatusMb(pid, "VmHWM");
		double hitRatio = cacheHitRatioGauge(base);
		double windowLookups = (countersAfter[0] - countersBefore[0]) + (countersAfter[1] - countersBefore[1]);
		double windowHitRatio = windowLookups == 0 ? 0 : (countersAfter[0] - countersBefore[0]) / windowLookups;
		double ratio = trivial.throughputRps() == 0 ? 0 : trip.throughputRps() / trivial.throughputRps();

		boolean ratioOk = ratio >= TARGET_RATIO;
		boolean rssOk = rssMb <= TARGET_RSS_MB;
		boolean hitOk = hitRatio >= TARGET_CACHE_HIT_RATIO;
		boolean travlrOk = travlrListRatio >= TARGET_TRAVLR_RATIO && travlrTripRatio >= TARGET_TRAVLR_RATIO;
		boolean trivialCpuOk = trivial.appCpuMsPerRequest() <= TARGET_TRIVIAL_CPU_MS;
		String json = "{\"scenario\":\"trip-read\"" + ",\"duration_s\":" + durationS + ",\"clients\":" + clients
				+ ",\"warmup_s\":" + warmupS + ",\"trip_codes\":" + codes.size() + ",\"trip\":" + trip.json()
				+ ",\"trivial\":" + trivial.json() + ",\"ratio\":" + round(ratio, 3) + ",\"rss_mb\":" + round(rssMb, 1)
				+ ",\"peak_rss_mb\":" + round(hwmMb, 1) + ",\"cache_hit_ratio\":" + round(hitRatio, 4)
				+ ",\"cache_hit_ratio_trip_phase\":" + round(windowHitRatio, 4) + ",\"v1_list\":" + v1List.json()
				+ ",\"travlr_list\":" + travlrList.json() + ",\"travlr_trip\":" + travlrTrip.json()
				+ ",\"travlr_list_ratio\":" + round(travlrListRatio, 3) + ",\"travlr_trip_ratio\":"
				+ round(travlrTripRatio, 3)
				+ ",\"targets\":{\"ratio_min\":" + TARGET_RATIO + ",\"rss_mb_max\":" + TARGET_RSS_MB
				+ ",\"cache_hit_ratio_min\":" + TARGET_CACHE_HIT_RATIO + ",\"travlr_ratio_min\":" + TARGET_TRAVLR_RATIO
				+ ",\"trivial_app_cpu_ms_max\":" + TARGET_TRIVIAL_CPU_MS + "}"
				+ ",\"meets_targets\":{\"ratio\":" + ratioOk + ",\"rss_mb\":" + rssOk + ",\"cache_hit_ratio\":" + hitOk
				+ ",\"travlr\":" + travlrOk + ",\"trivial_app_cpu\":" + trivialCpuOk + ",\"all\":"
				+ (ratioOk && rssOk && hitOk && travlrOk && trivialCpuOk) + "}}";
		System.out.println(json);
	}

	private static Phase phase(String name, String route, List<URI> uris, int clients, int durationS,
			CpuUse.Probe cpu) throws InterruptedException, IOException {
		LOG.line("%s phase: %d clients for %d s on %s", name, clients, durationS, route);
		Phase phase = run(uris, clients, durationS, cpu);
		LOG.line("%s: %s", name, phase.json());
		return phase;
	}

	private static double ratio(Phase phase, Phase against) {
		return against.throughputRps() == 0 ? 0 : phase.throughputRps() / against.throughputRps();
	}

	private static List<String> tripCodes(String base) throws IOException, InterruptedException {
		HttpClient client = Http.newClient();
		List<String> codes = new ArrayList<>();
		int totalPages = 1;
		for (int page = 0; page < totalPages; page++) {
			String body = getOk(client, URI.create(base + "/api/v1/trips?size=100&page=" + page));
			Matcher pages = TOTAL_PAGES.matcher(body);
			if (!pages.find()) {
				throw new IllegalStateException("No totalPages in trip page " + page + ": " + abbreviate(body));
			}
			totalPages = Integer.parseInt(pages.group(1));
			Matcher code = CODE.matcher(body);
			while (code.find()) {
				codes.add(code.group(1));
			}
		}
		return codes;
	}

	private static void warmCache(List<URI> tripUris) throws IOException, InterruptedException {
		HttpClient client = Http.newClient();
		for (URI uri : tripUris) {
			getOk(client, uri);
		}
		LOG.line("cache warmed: read each of %d trips once", tripUris.size());
	}

	/**
	 * Each client is a plain thread with its own HttpClient and keep-alive connection, issuing one request after
	 * another: a closed loop, so throughput is what the server sustains at this concurrency, not an offered rate.
	 */
	private static Phase run(List<URI> uris, int clients, int durationS, CpuUse.Probe cpu)
			throws InterruptedException, IOException {
		return runRequests(
				uris.stream().map(uri -> HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build()).toList(),
				clients, durationS, cpu);
	}

	/** As above, with requests built by the caller (the web scenario asks for HTML). */
	static Phase runRequests(List<HttpRequest> requests, int clients, int durationS, CpuUse.Probe cpu)
			throws InterruptedException, IOException {
		Worker[] workers = new Worker[clients];
		CountDownLatch ready = new CountDownLatch(clients);
		CountDownLatch go = new CountDownLatch(1);
		Thread[] threads = new Thread[clients];
		for (int i = 0; i < clients; i++) {
			workers[i] = new Worker(requests, ready, go);
			threads[i] = new Thread(workers[i], "client-" + i);
			threads[i].start();
		}
		ready.await();
		CpuUse.Sample cpuBefore = cpu.sample();
		long start = System.nanoTime();
		long deadline = start + Duration.ofSeconds(durationS).toNanos();
		for (Worker worker : workers) {
			worker.deadline = deadline;
		}
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsedS = (System.nanoTime() - start) / 1e9;
		CpuUse cpuUse = CpuUse.between(cpuBefore, cpu.sample());

		Latencies all = new Latencies();
		long errors = 0;
		for (Worker worker : workers) {
			all.addAll(worker.latencies);
			errors += worker.errors;
		}
		for (Worker worker : workers) {
			if (worker.firstError != null) {
				LOG.line("first error: %s", worker.firstError);
				break;
			}
		}
		return new Phase(all.count(), errors, elapsedS, all.percentileMs(0.50), all.percentileMs(0.99), cpuUse);
	}

	private static final class Worker implements Runnable {

		private final List<HttpRequest> requests;
		private final CountDownLatch ready;
		private final CountDownLatch go;
		private final HttpClient client = Http.newClient();
		final Latencies latencies = new Latencies();
		volatile long deadline;
		long errors;
		String firstError;

		Worker(List<HttpRequest> requests, CountDownLatch ready, CountDownLatch go) {
			this.requests = requests;
			this.ready = ready;
			this.go = go;
		}

		@Override
		public void run() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			HttpRequest[] requests = this.requests.toArray(HttpRequest[]::new);
			ready.countDown();
			try {
				go.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long deadline = this.deadline;
			while (true) {
				long begin = System.nanoTime();
				if (begin - deadline >= 0) {
					return;
				}
				HttpRequest request = requests[random.nextInt(requests.length)];
				try {
					HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
					long took = System.nanoTime() - begin;
					if (response.statusCode() == 200) {
						latencies.add(took);
					}
					else {
						error(request.uri() + " -> HTTP " + response.statusCode());
					}
				}
				catch (IOException ex) {
					error(request.uri() + " -> " + ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		private void error(String description) {
			errors++;
			if (firstError == null) {
				firstError = description;
			}
		}
	}

	/** requests counts successful (HTTP 200) responses only; errors are counted apart and excluded from latency. */
	record Phase(long requests, long errors, double elapsedS, double p50Ms, double p99Ms, CpuUse cpu) {

		double throughputRps() {
			return requests / elapsedS;
		}

		/** App CPU per answered request: steadier than throughput when something else takes a share of the CPUs. */
		double appCpuMsPerRequest() {
			return requests == 0 ? 0 : cpu.app() * elapsedS * 1000 / requests;
		}

		String json() {
			return "{\"requests\":" + requests + ",\"throughput_rps\":" + round(throughputRps(), 1) + ",\"p50_ms\":"
					+ round(p50Ms, 3) + ",\"p99_ms\":" + round(p99Ms, 3) + ",\"errors\":" + errors + ",\"elapsed_s\":"
					+ round(elapsedS, 3) + ",\"app_cpu_ms_per_request\":" + round(appCpuMsPerRequest(), 3) + ",\"cpu_cores\":"
					+ cpu.json() + "}";
		}
	}

	/** Hits and misses of the trip cache so far, from the Prometheus counters; [hits, misses]. */
	private static double[] cacheCounters(String base) throws IOException, InterruptedException {
		String body = getOk(Http.newClient(), URI.create(base + "/actuator/prometheus"));
		return new double[] { metric(body, "getaways_cache_requests_total", "cache=\"trip\"", "result=\"hit\""),
				metric(body, "getaways_cache_requests_total", "cache=\"trip\"", "result=\"miss\"") };
	}

	private static double cacheHitRatioGauge(String base) throws IOException, InterruptedException {
		String body = getOk(Http.newClient(), URI.create(base + "/actuator/prometheus"));
		return metric(body, "getaways_cache_hit_ratio", "cache=\"trip\"");
	}

	private static double metric(String exposition, String name, String... labels) {
		for (String line : exposition.split("\n")) {
			if (!line.startsWith(name + "{")) {
				continue;
			}
			String labelPart = line.substring(name.length(), line.lastIndexOf('}') + 1);
			if (Arrays.stream(labels).allMatch(labelPart::contains)) {
				return Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0]);
			}
		}
		throw new IllegalStateException("Metric " + name + Arrays.toString(labels) + " not found in /actuator/prometheus");
	}

	private static double procStatusMb(long pid, String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
	}

	private static String getOk(HttpClient client, URI uri) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
					+ abbreviate(response.body()));
		}
		return response.body();
	}

	private static String round(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	private static String abbreviate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200) + "...";
	}
}
