package io.getaways.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus process on a free port, scraping one Getaways every second with the
 * rules file loaded (each alert's {@code for:} cut to 1s in its copy, so an alert fires
 * on its second evaluation), and its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path workDir;

	private final Process process;

	private final String api;

	private PrometheusServer(Path workDir, Process process, String api) {
		this.workDir = workDir;
		this.process = process;
		this.api = api;
	}

	static PrometheusServer scraping(Path binary, int getawaysPort) throws IOException {
		Path workDir = Files.createTempDirectory("getaways-prometheus-");
		Path rules = workDir.resolve("rules.yml");
		Files.writeString(rules, Files.readString(PrometheusTools.RULES).replaceAll("(?m)^(\\s+for:) \\S+$", "$1 1s"));
		Path config = workDir.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - %s
				scrape_configs:
				  - job_name: getaways
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(rules, getawaysPort));
		int port = freePort();
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				"--log.level=warn")
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve("prometheus.log").toFile())
			.start();
		return new PrometheusServer(workDir, process, "http://127.0.0.1:" + port + "/api/v1/");
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** One API call, such as {@code targets} or {@code query?query=up}, as JSON. */
	JsonNode get(String path) {
		try {
			HttpResponse<String> response = CLIENT.send(
					HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Prometheus " + path + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The values of an instant query, one per series. */
	List<String> query(String expression) {
		List<String> values = new ArrayList<>();
		get("query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8)).path("data")
			.path("result")
			.forEach(sample -> values.add(sample.path("value").get(1).asString()));
		return values;
	}

	List<String> firingAlerts() {
		List<String> names = new ArrayList<>();
		get("alerts").path("data").path("alerts").forEach(alert -> {
			if (alert.path("state").asString().equals("firing")) {
				names.add(alert.path("labels").path("alertname").asString());
			}
		});
		return names;
	}

	/**
	 * The alert of that name, or an empty object while it is neither pending nor firing.
	 */
	JsonNode alert(String name) {
		for (JsonNode alert : get("alerts").path("data").path("alerts")) {
			if (alert.path("labels").path("alertname").asString().equals(name)) {
				return alert;
			}
		}
		return JSON.createObjectNode();
	}

	String log() {
		try {
			return Files.readString(workDir.resolve("prometheus.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		try (Stream<Path> files = Files.walk(workDir)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
