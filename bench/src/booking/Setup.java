package booking;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import support.Http;

/** What a run needs before the phases: trips of its own and one traveller per client. */
public final class Setup {

	private static final Pattern USER_ID = Pattern.compile("\"user\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
	private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private Setup() {
	}

	/** Trips with a capacity no run can reach, so clients never see one sold out; their codes. */
	public static List<String> trips(Database db, int count) throws SQLException {
		List<String> codes = new ArrayList<>();
		try (Connection connection = db.connect(false)) {
			db.begin(connection, db.jobsRole(), null, "job:bench-booking");
			try (PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, currency, capacity)
					VALUES (?, ?, 'Bench Bay', now() + interval '200 days', 7, 100.00, 'USD', 100000000)""")) {
				for (int i = 0; i < count; i++) {
					String code = "BENCH" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
					insert.setString(1, code);
					insert.setString(2, "Bench trip " + i);
					insert.executeUpdate();
					codes.add(code);
				}
			}
			connection.commit();
		}
		return codes;
	}

	/** Registers through the API, which signs each traveller in. */
	public static List<Traveller> travellers(String baseUrl, int count) throws IOException, InterruptedException {
		HttpClient http = Http.newClient();
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<Traveller> travellers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String body = "{\"email\":\"booking-bench-" + run + "-" + i + "@example.com\",\"name\":\"Bench " + i
					+ "\",\"password\":\"booking bench password 1\"}";
			HttpResponse<String> answer = http.send(ApiPhase.post(baseUrl + "/api/v1/auth/register", null, body),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 201) {
				throw new IllegalStateException("Registration answered " + answer.statusCode() + ": " + answer.body());
			}
			travellers.add(new Traveller(ApiPhase.group(TOKEN, answer.body()),
					UUID.fromString(ApiPhase.group(USER_ID, answer.body()))));
		}
		return travellers;
	}
}
