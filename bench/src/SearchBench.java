import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import search.Generate;
import search.IlikeBaseline;
import search.Load;
import support.Http;
import support.Log;
import support.Options;

/**
 * Load generator for the search scenario: writes a large catalog straight into PostgreSQL and indexes it, then drives
 * GET /api/v1/search with 8 clients, and the catalog's former ILIKE search (its SQL run directly over JDBC, see
 * {@link IlikeBaseline}) with as many, over the same texts in the same run.
 *
 * <p>Usage: {@code java -cp bench/work/classes SearchBench --base-url URL --jdbc-url URL --app-user U --app-password P
 * --owner-password P [--rows 100000] [--clients 8] [--seconds 30] [--warmup-seconds 15]}. Progress goes to stderr;
 * the last stdout line is the JSON of figures.
 */
public class SearchBench {

	private static final Log LOG = new Log("search");

	static final double TARGET_P99_MS = 20;

	static final double TARGET_RATIO = 20;

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		String base = options.required("base-url").replaceAll("/+$", "");
		String jdbcUrl = options.required("jdbc-url");
		String user = options.required("app-user");
		String password = options.required("app-password");
		int rows = options.intValue("rows", 100_000);
		int clients = options.intValue("clients", 8);
		int seconds = options.intValue("seconds", 30);
		int warmup = options.intValue("warmup-seconds", 15);

		LOG.line("generating %d listings (half trips, half stays) and their search rows", rows);
		double generateS = Generate.run(jdbcUrl, user, password, options.required("owner-password"), rows);
		LOG.line("generated and indexed in %.1f s", generateS);

		String[] texts = Generate.QUERY_WORDS;
		List<URI> uris = new ArrayList<>();
		for (String text : texts) {
			uris.add(URI.create(base + "/api/v1/search?size=20&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
		}
		Load.Client search = () -> {
			HttpClient client = Http.newClient();
			return pick -> {
				HttpRequest request = HttpRequest.newBuilder(uris.get(pick)).timeout(Duration.ofSeconds(10)).GET().build();
				HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(request.uri() + " -> HTTP " + response.statusCode());
				}
			};
		};
		Load.Client ilike = () -> new IlikeBaseline(jdbcUrl, user, password, texts);

		if (warmup > 0) {
			LOG.line("warm-up: %d s on each", warmup);
			Load.run(search, texts.length, clients, warmup);
			Load.run(ilike, texts.length, clients, warmup);
		}
		LOG.line("search phase: %d clients for %d s on GET /api/v1/search", clients, seconds);
		Load.Phase searched = Load.run(search, texts.length, clients, seconds);
		LOG.line("search: %s%s", searched.json(), firstError(searched));
		LOG.line("ILIKE phase: %d clients for %d s on the former catalog search SQL", clients, seconds);
		Load.Phase ilikes = Load.run(ilike, texts.length, clients, seconds);
		LOG.line("ilike: %s%s", ilikes.json(), firstError(ilikes));

		double ratio = ilikes.throughput() == 0 ? 0 : searched.throughput() / ilikes.throughput();
		boolean p99Ok = searched.errors() == 0 && searched.p99Ms() <= TARGET_P99_MS;
		boolean ratioOk = ratio >= TARGET_RATIO;
		System.out.println(String.format(Locale.ROOT,
				"{\"scenario\":\"search\",\"rows\":%d,\"clients\":%d,\"duration_s\":%d,\"warmup_s\":%d,"
						+ "\"generate_s\":%.1f,\"queries\":%d,\"search\":%s,\"ilike\":%s,\"ratio\":%.2f,"
						+ "\"targets\":{\"p99_ms_max\":%s,\"ratio_min\":%s},"
						+ "\"meets_targets\":{\"p99_ms\":%s,\"ratio\":%s,\"all\":%s}}",
				rows, clients, seconds, warmup, generateS, texts.length, searched.json(), ilikes.json(), ratio,
				TARGET_P99_MS, TARGET_RATIO, p99Ok, ratioOk, p99Ok && ratioOk));
	}

	private static String firstError(Load.Phase phase) {
		return phase.firstError() == null ? "" : " (first error: " + phase.firstError() + ")";
	}

}
