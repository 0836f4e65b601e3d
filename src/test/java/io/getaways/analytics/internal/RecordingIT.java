package io.getaways.analytics.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.getaways.booking.TestBookingApi;
import io.getaways.search.SearchPerformed;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of the public trip page are recorded, anonymous or signed in, with no more than
 * the user's id; searches are recorded as published, cut to what the table keeps.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ActivityRecorder recorder;

	private HttpApi http;

	private TestBookingApi fixtures;

	@BeforeAll
	void connect() {
		http = new HttpApi(port);
		fixtures = new TestBookingApi(context, http);
	}

	@Test
	void tripPageReadsAreRecordedWithTheUserIdOnly() {
		String trip = fixtures.trip(5, "10.00", Instant.now().plus(20, ChronoUnit.DAYS));
		assertThat(http.get("/api/v1/trips/" + trip).status()).isEqualTo(200);
		JsonNode session = fixtures.accounts().newCustomer();
		assertThat(fixtures.accounts().get("/api/v1/trips/" + trip, TestAccounts.accessToken(session)).status())
			.isEqualTo(200);
		assertThat(http.get("/api/v1/trips/ZZZZNOTATRIP").status()).isEqualTo(404);

		recorder.flush();

		List<Map<String, Object>> rows = fixtures.rows(
				"SELECT kind, user_id::text AS user_id FROM analytics.listing_views WHERE code = ? ORDER BY viewed_at",
				trip);
		assertThat(rows).extracting(row -> row.get("kind")).containsExactly("trip", "trip");
		assertThat(rows).extracting(row -> row.get("user_id")).containsExactly(null, TestAccounts.userId(session));
		assertThat(fixtures.count("SELECT count(*) FROM analytics.listing_views WHERE code = 'ZZZZNOTATRIP'")).isZero();
	}

	@Test
	void searchesAreRecordedTrimmedAndCut() {
		String marker = "recorded-" + System.nanoTime();
		events.publishEvent(new SearchPerformed("  " + marker + " " + "x".repeat(300), "everything", 7, "not-a-uuid",
				Instant.now()));
		recorder.flush();
		List<Map<String, Object>> rows = fixtures.rows(
				"SELECT length(query) AS length, kind, hits, user_id FROM analytics.search_events WHERE query LIKE ?",
				marker + "%");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("length", 200).containsEntry("hits", 7L);
		assertThat(rows.get(0).get("kind")).isNull();
		assertThat(rows.get(0).get("user_id")).isNull();
	}

}
