package io.getaways.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP against the running application, so tests see exactly what a client sees:
 * status, headers and the raw body, with no client-side error handling or message
 * conversion in between.
 */
public final class HttpApi {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	public HttpApi(int port) {
		this.base = "http://localhost:" + port;
	}

	public Answer get(String pathAndQuery, String... headerPairs) {
		return send("GET", pathAndQuery, null, null, headerPairs);
	}

	/** {@code headerPairs} alternate names and values. */
	public Answer send(String method, String pathAndQuery, String contentType, String body, String... headerPairs) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headerPairs.length; i += 2) {
			request.header(headerPairs[i], headerPairs[i + 1]);
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + pathAndQuery + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + pathAndQuery + " interrupted", ex);
		}
	}

	/** A query parameter value, percent-encoded. */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public record Answer(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String contentType() {
			return headers.firstValue("Content-Type").orElse("");
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + contentType() + " " + body;
		}
	}

}
