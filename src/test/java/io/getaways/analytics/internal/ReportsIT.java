package io.getaways.analytics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.getaways.analytics.AnalyticsMaintenance;
import io.getaways.booking.TestBookingApi;
import io.getaways.identity.Identity;
import io.getaways.search.SearchPerformed;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
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

import static io.getaways.booking.TestBookingApi.stayBody;
import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each report, after a refresh, says what a plain query over the base tables says; and
 * the API's CSV, coverage and parameter answers.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	@Autowired
	AnalyticsMaintenance analytics;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ActivityRecorder recorder;

	private HttpApi http;

	private TestBookingApi fixtures;

	private String admin;

	private String trip;

	private String stay;

	private final String term = "report term " + TestAccounts.email();

	@BeforeAll
	void bookPayCancelAndRefresh() {
		http = new HttpApi(port);
		fixtures = new TestBookingApi(context, http);
		TestAccounts accounts = fixtures.accounts();
		admin = accessToken(accounts.newUserWithRole(identity, "admin"));
		trip = fixtures.trip(10, "100.00", Instant.now().plus(60, ChronoUnit.DAYS));
		String alice = accessToken(accounts.newCustomer());
		String bob = accessToken(accounts.newCustomer());
		fixtures.pay(alice, fixtures.bookOk(alice, tripBody(trip, 3)));
		String refunded = fixtures.bookOk(bob, tripBody(trip, 2));
		fixtures.pay(bob, refunded);
		fixtures.cancel(bob, refunded);
		fixtures.bookOk(bob, tripBody(trip, 1));
		fixtures.cancel(alice, fixtures.bookOk(alice, tripBody(trip, 1)));
		stay = fixtures.stay(4, "50.00");
		LocalDate in = LocalDate.now(ZoneOffset.UTC).plusMonths(2).withDayOfMonth(1);
		fixtures.pay(alice, fixtures.bookOk(alice, stayBody(stay, in.toString(), in.plusDays(4).toString(), 2)));
		Instant now = Instant.now();
		events.publishEvent(new SearchPerformed(term, "trip", 0, null, now));
		events.publishEvent(new SearchPerformed(term, null, 0, null, now));
		events.publishEvent(new SearchPerformed(term, "stay", 3, null, now));
		recorder.flush();
		analytics.refreshReports(line -> {
		});
	}

	@Test
	void revenueEqualsPaymentsLessRefundsByMonthAndListing() {
		JsonNode report = ok("/api/v1/admin/reports/revenue?groupBy=month-listing").json();
		Map<String, BigDecimal> reported = new HashMap<>();
		report.path("rows")
			.forEach(row -> reported.put(
					row.path("month").asString() + "|" + row.path("kind").asString() + "|"
							+ row.path("listingCode").asString() + "|" + row.path("currency").asString(),
					row.path("net").decimalValue()));
		Map<String, BigDecimal> plain = new HashMap<>();
		for (Map<String, Object> row : fixtures.rows("""
				SELECT to_char(m.month, 'YYYY-MM-DD') AS month, m.kind, m.code, m.currency, sum(m.amount) AS net
				FROM (SELECT date_trunc('month', p.created_at AT TIME ZONE 'UTC') AS month,
				             CASE WHEN b.trip_id IS NULL THEN 'stay' ELSE 'trip' END AS kind,
				             coalesce((SELECT code FROM app.trips WHERE id = b.trip_id),
				                      (SELECT code FROM app.stays WHERE id = b.stay_id)) AS code,
				             p.currency, p.amount
				      FROM app.payments p JOIN app.bookings b ON b.id = p.booking_id
				      WHERE p.status = 'CAPTURED'
				      UNION ALL
				      SELECT date_trunc('month', r.created_at AT TIME ZONE 'UTC'),
				             CASE WHEN b.trip_id IS NULL THEN 'stay' ELSE 'trip' END,
				             coalesce((SELECT code FROM app.trips WHERE id = b.trip_id),
				                      (SELECT code FROM app.stays WHERE id = b.stay_id)),
				             r.currency, -r.amount
				      FROM app.refunds r JOIN app.bookings b ON b.id = r.booking_id
				      WHERE r.status = 'SUCCEEDED') AS m
				GROUP BY 1, 2, 3, 4""")) {
			plain.put(row.get("month") + "|" + row.get("kind") + "|" + row.get("code") + "|" + row.get("currency"),
					(BigDecimal) row.get("net"));
		}
		assertThat(reported.keySet()).isEqualTo(plain.keySet());
		plain.forEach((key, net) -> assertThat(reported.get(key)).as(key).isEqualByComparingTo(net));
		JsonNode mine = rowWith(ok("/api/v1/admin/reports/revenue?groupBy=listing").json(), "listingCode", trip);
		assertThat(mine.path("gross").decimalValue()).isEqualByComparingTo("500.00");
		assertThat(mine.path("refunded").decimalValue()).isEqualByComparingTo(fixtures
			.rows("SELECT sum(r.amount) AS s FROM app.refunds r JOIN app.bookings b "
					+ "ON b.id = r.booking_id JOIN app.trips t ON t.id = b.trip_id WHERE t.code = ?", trip)
			.get(0)
			.get("s")
			.toString());
		assertThat(report.path("refreshedAt").asString()).isNotBlank();
	}

	@Test
	void occupancyEqualsSeatsAndNightsSold() {
		JsonNode departures = ok("/api/v1/admin/reports/occupancy?groupBy=departure").json();
		Map<String, Long> plain = new HashMap<>();
		fixtures.rows("""
				SELECT t.code, coalesce(sum(b.seats) FILTER (WHERE b.status IN ('CONFIRMED', 'COMPLETED')), 0) AS sold
				FROM app.trips t LEFT JOIN app.bookings b ON b.trip_id = t.id
				GROUP BY t.code""")
			.forEach(row -> plain.put((String) row.get("code"), ((Number) row.get("sold")).longValue()));
		departures.path("rows")
			.forEach(row -> assertThat(row.path("seatsSold").asLong()).as(row.path("tripCode").asString())
				.isEqualTo(plain.get(row.path("tripCode").asString())));
		assertThat(departures.path("rows").size()).isEqualTo(plain.size());
		JsonNode mine = rowWith(departures, "tripCode", trip);
		assertThat(mine.path("seatsSold").asLong()).isEqualTo(3);
		assertThat(mine.path("seatsHeld").asLong()).isEqualTo(1);
		assertThat(mine.path("occupancy").decimalValue()).isEqualByComparingTo("0.3");
		JsonNode stays = ok("/api/v1/admin/reports/occupancy?groupBy=stay-month").json();
		LocalDate month = LocalDate.now(ZoneOffset.UTC).plusMonths(2).withDayOfMonth(1);
		JsonNode stayMonth = null;
		for (JsonNode row : stays.path("rows")) {
			if (row.path("stayCode").asString().equals(stay) && row.path("month").asString().equals(month.toString())) {
				stayMonth = row;
			}
		}
		assertThat(stayMonth).as(stays.toString()).isNotNull();
		assertThat(stayMonth.path("nightsSold").asLong()).isEqualTo(4);
		assertThat(stayMonth.path("nightsAvailable").asLong()).isEqualTo(month.lengthOfMonth());
		long plainNights = fixtures.count("""
				SELECT coalesce(sum(upper(stay_dates) - lower(stay_dates)), 0)
				FROM app.bookings WHERE status IN ('CONFIRMED', 'COMPLETED') AND stay_id IS NOT NULL""");
		long reportedNights = 0;
		for (JsonNode row : ok("/api/v1/admin/reports/occupancy?groupBy=stay").json().path("rows")) {
			reportedNights += row.path("nightsSold").asLong();
		}
		assertThat(reportedNights).isEqualTo(plainNights);
	}

	@Test
	void funnelEqualsHoldsByWeekAndOutcome() {
		JsonNode report = ok("/api/v1/admin/reports/funnel?groupBy=week-kind").json();
		List<Map<String, Object>> plain = fixtures
			.rows("""
					SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
					       CASE WHEN trip_id IS NULL THEN 'stay' ELSE 'trip' END AS kind,
					       count(*) AS held, count(confirmed_at) AS confirmed,
					       count(*) FILTER (WHERE status = 'CANCELLED' AND cancellation_reason <> 'HOLD_EXPIRED') AS cancelled,
					       count(*) FILTER (WHERE cancellation_reason = 'HOLD_EXPIRED') AS expired
					FROM app.bookings GROUP BY 1, 2 ORDER BY 1, 2""");
		assertThat(report.path("rows").size()).isEqualTo(plain.size());
		for (int i = 0; i < plain.size(); i++) {
			JsonNode row = report.path("rows").get(i);
			Map<String, Object> expected = plain.get(i);
			assertThat(row.path("week").asString()).isEqualTo(expected.get("week"));
			assertThat(row.path("kind").asString()).isEqualTo(expected.get("kind"));
			for (String column : List.of("held", "confirmed", "cancelled", "expired")) {
				assertThat(row.path(column).asLong()).as(column).isEqualTo(((Number) expected.get(column)).longValue());
			}
		}
	}

	@Test
	void searchesCountTermsAndThoseWithoutResult() {
		JsonNode top = ok("/api/v1/admin/reports/searches?groupBy=top&limit=500").json();
		JsonNode mine = rowWith(top, "term", term);
		assertThat(mine.path("searches").asLong()).isEqualTo(3);
		assertThat(mine.path("withoutResult").asLong()).isEqualTo(2);
		long plain = fixtures.count("SELECT count(*) FROM analytics.search_events WHERE lower(query) = lower(?)", term);
		assertThat(mine.path("searches").asLong()).isEqualTo(plain);
		assertThat(rowWith(ok("/api/v1/admin/reports/searches?groupBy=no-result&limit=500").json(), "term", term)
			.path("withoutResult")
			.asLong()).isEqualTo(2);
	}

	@Test
	void anAdminRefreshesOnDemandAndTheReportSaysWhen() {
		Answer refreshed = http.send("POST", "/api/v1/admin/reports/refresh", "application/json", null, "Authorization",
				"Bearer " + admin);
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		assertThat(refreshed.json()).extracting(view -> view.path("view").asString())
			.containsExactly("revenue_monthly", "trip_occupancy", "stay_occupancy_monthly", "booking_funnel_weekly",
					"search_terms_daily");
		String revenueAt = refreshed.json().get(0).path("refreshedAt").asString();
		Answer report = ok("/api/v1/admin/reports/revenue");
		assertThat(Instant.parse(report.json().path("refreshedAt").asString())).isEqualTo(Instant.parse(revenueAt));
		assertThat(Instant.parse(report.header("Report-Refreshed-At"))).isEqualTo(Instant.parse(revenueAt));
	}

	@Test
	void csvWhenAskedFor() {
		Answer csv = http.get("/api/v1/admin/reports/occupancy?groupBy=departure", "Authorization", "Bearer " + admin,
				"Accept", "text/csv");
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.header("Report-Refreshed-At")).isNotBlank();
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).isEqualTo("tripCode,tripName,departsAt,capacity,seatsSold,seatsHeld,occupancy");
		assertThat(csv.body()).contains(trip + ",Booking test " + trip + ",");
		Answer json = http.get("/api/v1/admin/reports/occupancy", "Authorization", "Bearer " + admin, "Accept",
				"application/json, text/csv;q=0.5");
		assertThat(json.contentType()).startsWith("application/json");
	}

	@Test
	void aWindowOutsideTheViewAnswers400NamingWhatItCovers() {
		Answer future = get("/api/v1/admin/reports/revenue?to=2999-01-01");
		assertThat(future.status()).as(future.toString()).isEqualTo(400);
		assertThat(future.json().path("errors").get(0).path("parameter").asString()).isEqualTo("to");
		assertThat(future.json().path("detail").asString()).contains("revenue_monthly view covers");
		assertThat(future.json().path("coversTo").asString()).isNotBlank();
		Answer past = get("/api/v1/admin/reports/funnel?from=1990-01-01");
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().path("errors").get(0).path("parameter").asString()).isEqualTo("from");
	}

	@Test
	void badParametersAnswer400NamingThem() {
		assertNamed(get("/api/v1/admin/reports/revenue?groupBy=year"), "groupBy");
		assertNamed(get("/api/v1/admin/reports/revenue?from=yesterday"), "from");
		assertNamed(get("/api/v1/admin/reports/searches?limit=0"), "limit");
		assertNamed(get("/api/v1/admin/reports/funnel?from=2026-03-01&to=2026-02-01"), "from");
		String customer = accessToken(fixtures.accounts().newCustomer());
		assertThat(http.get("/api/v1/admin/reports/revenue", "Authorization", "Bearer " + customer).status())
			.isEqualTo(403);
	}

	private void assertNamed(Answer answer, String parameter) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"" + parameter + "\"");
	}

	private Answer get(String path) {
		return http.get(path, "Authorization", "Bearer " + admin);
	}

	private Answer ok(String path) {
		Answer answer = get(path);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer;
	}

	private static JsonNode rowWith(JsonNode report, String column, String value) {
		for (JsonNode row : report.path("rows")) {
			if (row.path(column).asString().equals(value)) {
				return row;
			}
		}
		throw new AssertionError("no row with " + column + " = " + value + " in " + report);
	}

}
