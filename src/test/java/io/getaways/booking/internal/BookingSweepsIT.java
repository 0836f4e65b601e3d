package io.getaways.booking.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.getaways.booking.TestBookingApi;
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
import tools.jackson.databind.JsonNode;

import static io.getaways.booking.TestBookingApi.stayBody;
import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hold and completion sweeps, run directly as the scheduler would run them, and what
 * every booking leaves behind: its events in the outbox and its audit entries.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingSweepsIT {

	private static final Instant FAR = Instant.now().plus(Duration.ofDays(90));

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingSweeps sweeps;

	private TestBookingApi fixtures;

	private TestAccounts accounts;

	private HttpApi http;

	@BeforeAll
	void connect() {
		http = new HttpApi(port);
		fixtures = new TestBookingApi(context, http);
		accounts = fixtures.accounts();
	}

	@Test
	void anExpiredHoldIsCancelledAndGivesItsSeatsBack() {
		String trip = fixtures.trip(10, "100.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String expired = fixtures.bookOk(token, tripBody(trip, 3));
		String current = fixtures.bookOk(token, tripBody(trip, 2));
		expire(expired);

		Answer tooLate = fixtures.pay(token, expired);
		assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(409);
		assertThat(tooLate.json().path("detail").asString()).contains("hold of booking " + expired + " expired");

		assertThat(sweeps.releaseExpiredHolds()).isGreaterThanOrEqualTo(1);

		Map<String, Object> row = booking(expired);
		assertThat(row.get("status")).isEqualTo("CANCELLED");
		assertThat(row.get("cancellation_reason")).isEqualTo("HOLD_EXPIRED");
		assertThat(booking(current).get("status")).isEqualTo("PENDING");
		assertThat(fixtures.seats(trip)[0]).isEqualTo(2);
		Answer pay = fixtures.pay(token, expired);
		assertThat(pay.status()).isEqualTo(409);
		assertThat(pay.json().path("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void twoSweepsAtOnceReleaseEachHoldOnce() throws Exception {
		String trip = fixtures.trip(60, "10.00", FAR);
		String token = accessToken(accounts.newCustomer());
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ids.add(fixtures.bookOk(token, tripBody(trip, 2)));
		}
		fixtures.update("UPDATE app.bookings SET hold_expires_at = now() - interval '1 minute' "
				+ "WHERE trip_id = (SELECT id FROM app.trips WHERE code = ?)", trip);

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = pool
				.invokeAll(List.<Callable<Integer>>of(sweeps::releaseExpiredHolds, sweeps::releaseExpiredHolds));
			int released = 0;
			for (Future<Integer> run : runs) {
				released += run.get();
			}
			assertThat(released).isGreaterThanOrEqualTo(30);
		}
		finally {
			pool.shutdown();
		}
		assertThat(fixtures.seats(trip)[0]).isZero();
		assertThat(fixtures.count("SELECT count(*) FROM app.bookings WHERE trip_id = "
				+ "(SELECT id FROM app.trips WHERE code = ?) AND status = 'CANCELLED'", trip))
			.isEqualTo(30);
	}

	@Test
	void anUnsweptExpiredHoldDoesNotBlockTheNextTraveller() {
		String trip = fixtures.trip(2, "100.00", FAR);
		String stay = fixtures.stay(4, "100.00");
		LocalDate in = LocalDate.now(ZoneOffset.UTC).plusDays(30);
		String first = accessToken(accounts.newCustomer());
		String heldSeats = fixtures.bookOk(first, tripBody(trip, 2));
		String heldNights = fixtures.bookOk(first, stayBody(stay, in.toString(), in.plusDays(4).toString(), 2));
		expire(heldSeats);
		expire(heldNights);
		String second = accessToken(accounts.newCustomer());

		Answer seats = fixtures.book(second, tripBody(trip, 2));
		Answer nights = fixtures.book(second, stayBody(stay, in.plusDays(1).toString(), in.plusDays(3).toString(), 2));

		assertThat(seats.status()).as(seats.toString()).isEqualTo(201);
		assertThat(nights.status()).as(nights.toString()).isEqualTo(201);
		assertThat(booking(heldSeats).get("cancellation_reason")).isEqualTo("HOLD_EXPIRED");
		assertThat(booking(heldNights).get("cancellation_reason")).isEqualTo("HOLD_EXPIRED");
		assertThat(fixtures.seats(trip)).containsExactly(2, 2);
	}

	@Test
	void finishedConfirmedBookingsAreCompleted() {
		String trip = fixtures.trip(10, "100.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String finished = fixtures.bookOk(token, tripBody(trip, 1));
		String upcoming = fixtures.bookOk(token, tripBody(trip, 1));
		for (String id : List.of(finished, upcoming)) {
			assertThat(fixtures.pay(token, id).status()).isEqualTo(200);
		}
		fixtures.update("UPDATE app.bookings SET starts_at = now() - interval '10 days', "
				+ "ends_at = now() - interval '5 days' WHERE id = ?::uuid", finished);

		assertThat(sweeps.completeFinished()).isGreaterThanOrEqualTo(1);

		assertThat(booking(finished).get("status")).isEqualTo("COMPLETED");
		assertThat(booking(finished).get("completed_at")).isNotNull();
		assertThat(booking(upcoming).get("status")).isEqualTo("CONFIRMED");
		Answer cancel = fixtures.cancel(token, finished);
		assertThat(cancel.status()).isEqualTo(409);
		assertThat(cancel.json().path("detail").asString()).endsWith("cannot be cancelled in status COMPLETED");
		assertThat(events("BookingCompleted", finished)).isEqualTo(1);
	}

	@Test
	void everyTransitionLeavesItsEventInTheOutbox() {
		String trip = fixtures.trip(10, "100.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String cancelled = fixtures.bookOk(token, tripBody(trip, 1));
		fixtures.cancel(token, cancelled);
		String expired = fixtures.bookOk(token, tripBody(trip, 1));
		expire(expired);
		sweeps.releaseExpiredHolds();

		assertThat(events("BookingPlaced", cancelled)).isEqualTo(1);
		assertThat(events("BookingCancelled", cancelled)).isEqualTo(1);
		assertThat(events("BookingPlaced", expired)).isEqualTo(1);
		assertThat(fixtures.count(
				"SELECT count(DISTINCT serialized_event) FROM app.event_publication WHERE event_type LIKE '%BookingCancelled'"
						+ " AND serialized_event LIKE ? AND serialized_event LIKE '%HOLD_EXPIRED%'",
				"%" + expired + "%"))
			.isEqualTo(1);
		// each listener of the event (cache eviction, search index) has a publication of
		// its own
		for (String aggregate : new String[] { "min", "max" }) {
			assertThat(fixtures
				.count("SELECT " + aggregate + "(n) FROM (SELECT count(*) AS n FROM app.event_publication"
						+ " WHERE event_type LIKE '%TripChanged' AND serialized_event LIKE ? GROUP BY listener_id) l",
						"%" + trip + "%"))
				.as("created, two taken, two given back, for every listener")
				.isEqualTo(5);
		}
	}

	@Test
	void theAuditLogNamesTheTravellerTheRequestAndTheJob() {
		String trip = fixtures.trip(10, "100.00", FAR);
		JsonNode traveller = accounts.newCustomer();
		String requestId = "booking-audit-" + UUID.randomUUID();
		Answer placed = http.send("POST", "/api/v1/bookings", "application/json", tripBody(trip, 2), "Authorization",
				"Bearer " + accessToken(traveller), "X-Request-Id", requestId);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		String id = placed.json().path("id").asString();
		expire(id);
		sweeps.releaseExpiredHolds();

		List<Map<String, Object>> entries = fixtures.rows("""
				SELECT operation, actor_user_id, actor, request_id, new_row ->> 'status' AS status
				FROM audit.log WHERE table_name = 'app.bookings' AND record_id = ? ORDER BY id""", id);
		assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
		Map<String, Object> insert = entries.get(0);
		assertThat(insert.get("operation")).isEqualTo("INSERT");
		assertThat(insert.get("actor_user_id")).isEqualTo(TestAccounts.userId(traveller));
		assertThat(insert.get("actor")).isEqualTo(traveller.path("user").path("email").asString());
		assertThat(insert.get("request_id")).isEqualTo(requestId);
		Map<String, Object> expiry = entries.get(entries.size() - 1);
		assertThat(expiry.get("operation")).isEqualTo("UPDATE");
		assertThat(expiry.get("actor")).isEqualTo("job:" + BookingSweeps.HOLDS_JOB);
		assertThat(expiry.get("status")).isEqualTo("CANCELLED");
		assertThat(fixtures.count("SELECT count(*) FROM audit.log WHERE table_name = 'app.trips' AND request_id = ?",
				requestId))
			.as("the seats taken, in the same request")
			.isEqualTo(1);
	}

	private void expire(String id) {
		fixtures.update("UPDATE app.bookings SET hold_expires_at = now() - interval '1 second' WHERE id = ?::uuid", id);
	}

	private Map<String, Object> booking(String id) {
		return fixtures
			.rows("SELECT status, cancellation_reason, completed_at FROM app.bookings WHERE id = ?::uuid", id)
			.get(0);
	}

	private long events(String type, String bookingId) {
		// one row per listener: count events, not deliveries
		return fixtures
			.count("SELECT count(DISTINCT serialized_event) FROM app.event_publication WHERE event_type LIKE ? "
					+ "AND serialized_event LIKE ?", "%" + type, "%" + bookingId + "%");
	}

}
