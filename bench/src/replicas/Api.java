package replicas;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import support.Http;

/** The few API calls the replica scenario makes, each client on a connection of its own. */
public final class Api {

	private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
	private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	private final String base;
	private final HttpClient client = Http.newClient();

	public Api(String base) {
		this.base = base.replaceAll("/+$", "");
	}

	/** A new traveller's access token. */
	public String newTraveller() throws Exception {
		String email = "bench-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> answer = send("POST", "/api/v1/auth/register", null,
				"{\"email\":\"" + email + "\",\"name\":\"Bench Traveller\",\"password\":\"correct horse battery\"}");
		if (answer.statusCode() != 201) {
			throw new IllegalStateException("register answered " + answer.statusCode() + ": " + answer.body());
		}
		return match(TOKEN, answer.body());
	}

	public List<String> tripCodes() throws Exception {
		HttpResponse<String> answer = send("GET", "/api/v1/trips?size=100", null, null);
		List<String> codes = new ArrayList<>();
		Matcher matcher = CODE.matcher(answer.body());
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	/** The booking's id, or null when it was refused. */
	public String book(String token, String tripCode) throws Exception {
		HttpResponse<String> answer = send("POST", "/api/v1/bookings", token,
				"{\"tripCode\":\"" + tripCode + "\",\"seats\":1}");
		return answer.statusCode() == 201 ? match(ID, answer.body()) : null;
	}

	public HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String match(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " in " + body);
		}
		return matcher.group(1);
	}
}
