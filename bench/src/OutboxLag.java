import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import support.Latencies;
import support.Log;
import support.Options;

/**
 * Lag of the MongoDB projection of confirmed bookings behind their commit, for bookings confirmed by a load that has
 * just run (see bench/scenarios/outbox-lag.sh). For each booking id in the file, the outbox row of the
 * {@code BookingNotifications.confirmed} listener gives two instants from the service's clock:
 * {@code publication_date}, taken when the event is published inside the confirming transaction, so before its commit;
 * and {@code completion_date}, taken after the listener returned, so after MongoDB acknowledged the notification
 * document. Their difference is never less than the time from commit to the document's existence: the figure errs
 * high, by the rest of the confirming transaction and the completion bookkeeping, and never low.
 *
 * <pre>
 * java -cp bench/work/classes:postgresql.jar:mongodb-driver-sync.jar:mongodb-driver-core.jar:bson.jar OutboxLag \
 *     --jdbc-url jdbc:postgresql://localhost:PORT/getaways --app-user getaways_app --app-password SECRET \
 *     --mongo-uri mongodb://127.0.0.1:PORT/getaways --bookings FILE --load-json '{...}' [--wait-seconds 30]
 * </pre>
 *
 * <p>It waits, polling PostgreSQL, until every booking's publication is completed or {@code --wait-seconds} after the
 * load ended, then reads the notification documents from MongoDB to check that each exists. A booking still without
 * a completed publication counts in {@code missing} and as slower than any measured one in the percentiles, so a p99
 * that falls on a missing booking, and the maximum when any is missing, is null. Prints one JSON line.
 */
public class OutboxLag {

	static final double TARGET_P99_MS = 1000;
	static final String EVENT_TYPE = "io.getaways.booking.BookingConfirmed";
	static final String LISTENER = "%.BookingNotifications.confirmed(%";
	static final Duration POLL = Duration.ofMillis(250);
	static final Log LOG = new Log("outbox-lag");

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		String loadJson = options.required("load-json");
		if (!loadJson.startsWith("{") || !loadJson.endsWith("}")) {
			throw new IllegalArgumentException("--load-json is not a JSON object: " + loadJson);
		}
		Instant loadEnded = Instant.parse(field(loadJson, "measured_to"));
		Duration wait = Duration.ofSeconds(options.intValue("wait-seconds", 30));
		Set<String> bookings = new LinkedHashSet<>();
		for (String line : Files.readAllLines(Path.of(options.required("bookings")))) {
			if (!line.isBlank()) {
				bookings.add(line.strip());
			}
		}
		if (bookings.isEmpty()) {
			throw new IllegalStateException("No confirmed bookings to follow");
		}

		Outbox outbox;
		Instant deadline = loadEnded.plus(wait);
		try (Connection connection = DriverManager.getConnection(options.required("jdbc-url"),
				options.get("app-user", "getaways_app"), options.required("app-password"))) {
			while (true) {
				outbox = Outbox.read(connection, bookings);
				if (outbox.missing() == 0 || Instant.now().isAfter(deadline)) {
					break;
				}
				Thread.sleep(POLL.toMillis());
			}
		}
		LOG.line(bookings.size() + " bookings, " + outbox.missing() + " without a completed projection "
				+ Duration.between(loadEnded, Instant.now()).toMillis() + " ms after the load ended");
		Mongo mongo = Mongo.read(options.required("mongo-uri"), outbox);

		long[] lags = outbox.lagsMicros();
		Double p99 = percentile(lags, bookings.size(), 0.99);
		long missing = outbox.missing();
		System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"outbox-lag\",\"measured_at\":\"%s\","
				+ "\"unit\":\"ms from the confirming transaction's outbox row to the completion of the notification "
				+ "listener, per booking confirmed in the measured window\",\"bookings\":%d,\"count\":%d,"
				+ "\"p50_ms\":%s,\"p99_ms\":%s,\"max_ms\":%s,\"missing\":%d,\"missing_in_mongo\":%d,"
				+ "\"to_listener_p50_ms\":%s,\"to_listener_p99_ms\":%s,\"drained_after_load_ms\":%s,"
				+ "\"wait_limit_s\":%d,\"listeners\":%s,\"load\":%s,\"targets\":{\"p99_ms\":%.0f,\"missing\":0},"
				+ "\"meets_targets\":{\"p99_ms\":%b,\"missing\":%b}}",
				Instant.now().truncatedTo(ChronoUnit.SECONDS), bookings.size(), lags.length,
				ms(percentile(lags, bookings.size(), 0.50)), ms(p99),
				ms(percentile(lags, bookings.size(), 1.0)), missing, mongo.missing(),
				ms(percentile(mongo.toListenerMicros(), mongo.toListenerMicros().length, 0.50)),
				ms(percentile(mongo.toListenerMicros(), mongo.toListenerMicros().length, 0.99)),
				missing > 0 ? "null" : Long.toString(Duration.between(loadEnded, outbox.lastCompletion()).toMillis()),
				wait.toSeconds(),
				strings(outbox.listeners()), loadJson, TARGET_P99_MS, p99 != null && p99 <= TARGET_P99_MS,
				missing == 0));
	}

	/** The notification listener's outbox rows of the followed bookings, by booking id. */
	record Outbox(Map<String, Instant[]> rows, Set<String> bookings, Set<String> listeners) {

		static Outbox read(Connection connection, Set<String> bookings) throws SQLException {
			Map<String, Instant[]> rows = new HashMap<>();
			Set<String> listeners = new TreeSet<>();
			try (PreparedStatement select = connection.prepareStatement("""
					SELECT serialized_event::jsonb ->> 'bookingId', publication_date, completion_date, listener_id
					FROM app.event_publication
					WHERE event_type = ? AND listener_id LIKE ?""")) {
				select.setString(1, EVENT_TYPE);
				select.setString(2, LISTENER);
				try (ResultSet row = select.executeQuery()) {
					while (row.next()) {
						String booking = row.getString(1);
						if (bookings.contains(booking)) {
							OffsetDateTime completed = row.getObject(3, OffsetDateTime.class);
							rows.put(booking, new Instant[] { row.getObject(2, OffsetDateTime.class).toInstant(),
									completed == null ? null : completed.toInstant() });
							listeners.add(row.getString(4));
						}
					}
				}
			}
			return new Outbox(rows, bookings, listeners);
		}

		long missing() {
			return bookings.stream().filter(id -> rows.get(id) == null || rows.get(id)[1] == null).count();
		}

		/** When the last publication was completed; with the load's end, how long the listener ran behind it. */
		Instant lastCompletion() {
			return rows.values().stream().map(times -> times[1]).max(Instant::compareTo).orElseThrow();
		}

		/** Sorted lags of the completed publications, in microseconds (both columns keep microseconds). */
		long[] lagsMicros() {
			return rows.values().stream()
				.filter(times -> times[1] != null)
				.mapToLong(times -> ChronoUnit.MICROS.between(times[0], times[1]))
				.sorted()
				.toArray();
		}
	}

	/**
	 * The notification documents, read once after the wait: which bookings have none, and how long after publication
	 * each listener began ({@code createdAt} is the listener's clock just before its upsert, at millisecond precision).
	 */
	record Mongo(long missing, long[] toListenerMicros) {

		static Mongo read(String uri, Outbox outbox) {
			Map<String, String> ids = new HashMap<>();
			for (String booking : outbox.bookings()) {
				ids.put("booking-confirmed:" + booking, booking);
			}
			List<Long> toListener = new ArrayList<>();
			long found = 0;
			try (MongoClient client = MongoClients.create(uri)) {
				String database = uri.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
				MongoCollection<Document> notifications = client.getDatabase(database).getCollection("notifications");
				List<String> all = new ArrayList<>(ids.keySet());
				for (int from = 0; from < all.size(); from += 500) {
					List<String> batch = all.subList(from, Math.min(all.size(), from + 500));
					for (Document document : notifications.find(in("_id", batch)).projection(include("createdAt"))) {
						found++;
						Instant[] times = outbox.rows().get(ids.get(document.getString("_id")));
						Date createdAt = document.getDate("createdAt");
						if (times != null && createdAt != null) {
							toListener.add(ChronoUnit.MICROS.between(times[0], createdAt.toInstant()));
						}
					}
				}
			}
			return new Mongo(ids.size() - found, toListener.stream().mapToLong(Long::longValue).sorted().toArray());
		}
	}

	/** Nearest rank over {@code population} values of which {@code sorted} are known; the rest rank above them. */
	static Double percentile(long[] sorted, int population, double quantile) {
		if (population == 0) {
			return null;
		}
		int rank = Latencies.rank(quantile, population);
		return rank > sorted.length ? null : sorted[rank - 1] / 1e3;
	}

	static String ms(Double value) {
		return value == null ? "null" : String.format(Locale.ROOT, "%.1f", value);
	}

	static String strings(Set<String> values) {
		List<String> quoted = new ArrayList<>();
		for (String value : values) {
			quoted.add("\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
		}
		return "[" + String.join(",", quoted) + "]";
	}

	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalArgumentException("No \"" + name + "\" in " + json);
		}
		return matcher.group(1);
	}
}
