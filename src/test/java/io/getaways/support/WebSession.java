package io.getaways.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.support.HttpApi.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript: keeps cookies, asks for HTML, posts forms with the CSRF
 * token of the last page it read, and never follows redirects, so tests see each answer.
 * Each session comes from a client address of its own, so sign-in throttling of one test
 * never reaches another.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client;

	private final String address = TestAccounts.address();

	private String csrf;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** A page, remembering its CSRF token for the next form. */
	public Answer get(String path) {
		Answer answer = send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "Accept", HTML);
		Matcher token = CSRF.matcher(answer.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return answer;
	}

	/**
	 * A form post with the CSRF token of the last page read; fields alternate names and
	 * values.
	 */
	public Answer post(String path, String... fields) {
		assertThat(csrf).as("a page with a form was read before posting to " + path).isNotNull();
		List<String> all = new ArrayList<>(List.of(fields));
		all.add("_csrf");
		all.add(csrf);
		return postWithout(path, all.toArray(String[]::new));
	}

	/** A form post exactly as given: no CSRF token unless a field names one. */
	public Answer postWithout(String path, String... fields) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			if (!form.isEmpty()) {
				form.append('&');
			}
			form.append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
		}
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.header("Content-Type", "application/x-www-form-urlencoded"), "Accept", HTML);
	}

	/** Registers a new traveller and follows the redirect into the session. */
	public String register(String name, String email) {
		get("/register");
		Answer registered = post("/register", "name", name, "email", email, "password", TestAccounts.PASSWORD);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(302);
		return registered.headers().firstValue("Location").orElseThrow();
	}

	public Answer signIn(String email, String password) {
		get("/login");
		return post("/login", "email", email, "password", password);
	}

	/** The session cookie as the server set it, attributes included. */
	public static String sessionCookie(Answer answer) {
		return answer.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("GETAWAYS_SESSION="))
			.findFirst()
			.orElse("");
	}

	public boolean hasSession() {
		return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals("GETAWAYS_SESSION"));
	}

	public String address() {
		return address;
	}

	/** Another request with this session's cookies, with any headers. */
	public Answer getWith(String path, String... headerPairs) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headerPairs);
	}

	private Answer send(HttpRequest.Builder request, String... headerPairs) {
		request.timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", address);
		for (int i = 0; i < headerPairs.length; i += 2) {
			request.header(headerPairs[i], headerPairs[i + 1]);
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
