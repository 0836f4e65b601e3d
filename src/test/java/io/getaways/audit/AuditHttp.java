package io.getaways.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET requests to the running service over a real socket, with a bearer token when one is
 * given, answered as status, content type and JSON.
 */
final class AuditHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private final String bearerToken;

	AuditHttp(int port, String bearerToken) {
		this.port = port;
		this.bearerToken = bearerToken;
	}

	record Answer(int status, String contentType, JsonNode body) {
	}

	Answer get(String path, Map<String, ?> query) {
		String queryString = new LinkedHashMap<>(query).entrySet()
			.stream()
			.map(entry -> entry.getKey() + "="
					+ URLEncoder.encode(String.valueOf(entry.getValue()), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		URI uri = URI.create("http://localhost:" + port + path + (queryString.isEmpty() ? "" : "?" + queryString));
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
			if (bearerToken != null) {
				request.header("Authorization", "Bearer " + bearerToken);
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			return new Answer(response.statusCode(), contentType, JSON.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
