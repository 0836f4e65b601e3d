import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import support.CpuUse;
import support.Http;
import support.Log;
import support.Options;

/**
 * Load generator for the web scenario: the traveller site's home page, rendered on the server ({@code GET /} asking
 * for HTML, as a browser does), against the JSON list {@code GET /api/v1/trips} over the same catalog in the same run;
 * the home page must reach {@value #TARGET_RATIO} of the list's throughput. Also the home page's weight: its HTML,
 * stylesheet and scripts, gzip-compressed as they are served.
 *
 * <p>Usage: {@code java -cp bench/work/classes WebBench BASE_URL APP_PID [POSTGRES_PID]}; BENCH_DURATION_S,
 * BENCH_CLIENTS and BENCH_WARMUP_S as for trip-read, whose closed-loop clients it uses.
 */
public class WebBench {

	static final double TARGET_RATIO = 0.5;
	private static final Duration TIMEOUT = Duration.ofSeconds(10);
	private static final Log LOG = new Log("web");

	public static void main(String[] args) throws Exception {
		if (args.length < 2 || args.length > 3) {
			System.err.println("usage: WebBench BASE_URL APP_PID [POSTGRES_PID]");
			System.exit(2);
		}
		String base = args[0].replaceAll("/+$", "");
		CpuUse.Probe cpu = new CpuUse.Probe(Long.parseLong(args[1]),
				args.length == 3 && !args[2].isBlank() ? Long.parseLong(args[2]) : -1);
		int durationS = Options.envInt("BENCH_DURATION_S", 20, 1);
		int clients = Options.envInt("BENCH_CLIENTS", 16, 1);
		int warmupS = Options.envInt("BENCH_WARMUP_S", 5, 0);

		List<HttpRequest> home = List.of(HttpRequest.newBuilder(URI.create(base + "/"))
			.timeout(TIMEOUT)
			.header("Accept", "text/html,application/xhtml+xml")
			.GET()
			.build());
		List<HttpRequest> api = List.of(HttpRequest.newBuilder(URI.create(base + "/api/v1/trips"))
			.timeout(TIMEOUT)
			.header("Accept", "application/json")
			.GET()
			.build());
		String html = body(home.get(0));
		if (!html.contains("<html")) {
			throw new IllegalStateException("GET / with Accept: text/html did not answer a page");
		}
		long htmlGzip = gzipped(html.getBytes());
		long cssGzip = gzipped(body(get(base + "/css/site.css")).getBytes());
		long jsGzip = gzipped(body(get(base + "/webjars/htmx.org/dist/htmx.min.js")).getBytes());

		if (warmupS > 0) {
			LOG.line("JIT warm-up: %d s on each endpoint", warmupS);
			TripRead.runRequests(home, clients, warmupS, cpu);
			TripRead.runRequests(api, clients, warmupS, cpu);
		}
		LOG.line("home phase: %d clients for %d s on GET / (text/html)", clients, durationS);
		TripRead.Phase homePhase = TripRead.runRequests(home, clients, durationS, cpu);
		LOG.line("home: %s", homePhase.json());
		LOG.line("api phase: %d clients for %d s on GET /api/v1/trips", clients, durationS);
		TripRead.Phase apiPhase = TripRead.runRequests(api, clients, durationS, cpu);
		LOG.line("api: %s", apiPhase.json());

		double ratio = apiPhase.throughputRps() == 0 ? 0 : homePhase.throughputRps() / apiPhase.throughputRps();
		boolean ok = ratio >= TARGET_RATIO;
		System.out.println("{\"scenario\":\"web\",\"duration_s\":" + durationS + ",\"clients\":" + clients
				+ ",\"warmup_s\":" + warmupS + ",\"home\":" + homePhase.json() + ",\"api_trips\":" + apiPhase.json()
				+ ",\"ratio\":" + round(ratio) + ",\"home_html_gzip_bytes\":" + htmlGzip + ",\"css_gzip_bytes\":"
				+ cssGzip + ",\"js_gzip_bytes\":" + jsGzip + ",\"target_ratio\":" + TARGET_RATIO
				+ ",\"meets_ratio\":" + ok + "}");
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
	}

	private static String body(HttpRequest request) throws IOException, InterruptedException {
		HttpClient client = Http.newClient();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(request.uri() + " answered HTTP " + response.statusCode());
		}
		return response.body();
	}

	private static long gzipped(byte[] bytes) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.size();
	}

	private static String round(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

}
