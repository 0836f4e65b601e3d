package booking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import support.CpuUse;
import support.Http;

/**
 * The cycle through the HTTP API: {@code POST /api/v1/bookings} for one seat of a random trip (201), then
 * {@code POST /api/v1/bookings/{id}/pay} (200). Each client is a thread with its own HTTP/1.1 connection, sending one
 * request after another.
 */
public final class ApiPhase {

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private ApiPhase() {
	}

	public static Phase run(String baseUrl, List<Traveller> travellers, List<String> trips, Duration length,
			CpuUse.Probe cpu) throws Exception {
		return Clients.run(travellers.size(), length, cpu, (index, deadline) -> {
			Tally tally = new Tally();
			HttpClient http = Http.newClient();
			Traveller traveller = travellers.get(index);
			while (System.nanoTime() < deadline) {
				String trip = trips.get(ThreadLocalRandom.current().nextInt(trips.size()));
				long start = System.nanoTime();
				HttpResponse<String> booked = http.send(post(baseUrl + "/api/v1/bookings", traveller.token(),
						"{\"tripCode\":\"" + trip + "\",\"seats\":1}"), HttpResponse.BodyHandlers.ofString());
				long afterBook = System.nanoTime();
				if (booked.statusCode() != 201) {
					tally.error("book " + booked.statusCode() + " " + booked.body());
					continue;
				}
				String id = group(ID, booked.body());
				HttpResponse<String> paid = http.send(
						post(baseUrl + "/api/v1/bookings/" + id + "/pay", traveller.token(), null),
						HttpResponse.BodyHandlers.ofString());
				long end = System.nanoTime();
				if (paid.statusCode() != 200) {
					tally.error("pay " + paid.statusCode() + " " + paid.body());
					continue;
				}
				tally.book.add(afterBook - start);
				tally.pay.add(end - afterBook);
				tally.cycle.add(end - start);
				tally.confirmed.add(id);
			}
			return tally;
		});
	}

	static HttpRequest post(String uri, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (json == null) {
			return request.POST(HttpRequest.BodyPublishers.noBody()).build();
		}
		return request.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	static String group(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException(pattern + " not found in " + body);
		}
		return matcher.group(1);
	}
}
