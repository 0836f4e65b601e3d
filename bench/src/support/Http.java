package support;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client every load generator's client uses: one connection of its own, kept alive. */
public final class Http {

	private Http() {
	}

	public static HttpClient newClient() {
		// HTTP/1.1 pinned: the default would offer an h2c upgrade on the first request of every connection.
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}
}
