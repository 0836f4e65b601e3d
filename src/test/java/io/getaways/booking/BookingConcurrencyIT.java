package io.getaways.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
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
 * Many travellers at once over real HTTP: a trip is never oversold and a stay never
 * double-booked, every refusal is a 409 that says why, and nothing answers 5xx.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingConcurrencyIT {

	private static final int TRAVELLERS = 200;

	private static final int CAPACITY = 50;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private TestBookingApi fixtures;

	private ExecutorService pool;

	private List<String> tokens;

	@BeforeAll
	void travellers() throws Exception {
		fixtures = new TestBookingApi(context, new HttpApi(port));
		// registration hashes a password each time; a few at once keep the setup from
		// starving the pool
		pool = Executors.newFixedThreadPool(6);
		tokens = all(java.util.stream.IntStream.range(0, TRAVELLERS)
			.<Callable<String>>mapToObj(i -> () -> accessToken(fixtures.accounts().newCustomer()))
			.toList());
		pool.shutdown();
		pool = Executors.newFixedThreadPool(48);
	}

	@AfterAll
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void twoHundredTravellersNeverOversellFiftySeats() throws Exception {
		String trip = fixtures.trip(CAPACITY, "99.00", Instant.now().plus(Duration.ofDays(100)));
		record Attempt(int seats, Answer answer, String token) {
		}

		List<Attempt> attempts = all(tokens.stream().<Callable<Attempt>>map(token -> () -> {
			int seats = 1 + ThreadLocalRandom.current().nextInt(3);
			return new Attempt(seats, fixtures.book(token, tripBody(trip, seats)), token);
		}).toList());

		List<Attempt> held = attempts.stream().filter(attempt -> attempt.answer().status() == 201).toList();
		for (Attempt attempt : attempts) {
			assertThat(attempt.answer().status()).as(attempt.answer().toString()).isIn(201, 409);
			if (attempt.answer().status() == 409) {
				JsonNode refusal = attempt.answer().json();
				assertThat(refusal.path("seatsLeft").isInt()).as(refusal.toString()).isTrue();
				assertThat(refusal.path("seatsLeft").asInt()).isBetween(0, attempt.seats() - 1);
			}
		}
		int heldSeats = held.stream().mapToInt(Attempt::seats).sum();
		assertThat(heldSeats).isBetween(CAPACITY - 2, CAPACITY);
		assertThat(fixtures.seats(trip)).containsExactly(heldSeats, CAPACITY);

		List<Attempt> paying = held.subList(0, held.size() / 2);
		List<Answer> paid = all(paying.stream()
			.<Callable<Answer>>map(
					attempt -> () -> fixtures.pay(attempt.token(), attempt.answer().json().path("id").asString()))
			.toList());
		List<Attempt> cancelling = held.subList(held.size() / 2, held.size() / 2 + 5);
		List<Answer> cancelled = all(cancelling.stream()
			.<Callable<Answer>>map(
					attempt -> () -> fixtures.cancel(attempt.token(), attempt.answer().json().path("id").asString()))
			.toList());
		paid.forEach(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
		cancelled.forEach(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));

		Map<String, Object> live = fixtures.rows("""
				SELECT coalesce(sum(b.seats) FILTER (WHERE b.status IN ('PENDING', 'CONFIRMED')), 0) AS seats,
				       count(*) FILTER (WHERE b.status = 'CONFIRMED') AS confirmed,
				       max(t.seats_booked) AS seats_booked, max(t.capacity) AS capacity
				FROM app.trips t LEFT JOIN app.bookings b ON b.trip_id = t.id
				WHERE t.code = ?""", trip).get(0);
		assertThat(((Number) live.get("seats")).intValue()).isEqualTo(live.get("seats_booked"));
		assertThat((Integer) live.get("seats_booked")).isLessThanOrEqualTo(CAPACITY)
			.isEqualTo(heldSeats - cancelling.stream().mapToInt(Attempt::seats).sum());
		assertThat(((Number) live.get("confirmed")).intValue()).isEqualTo(paying.size());
		assertThat(fixtures.count("SELECT count(*) FROM app.payments p JOIN app.bookings b ON b.id = p.booking_id "
				+ "WHERE b.trip_id = (SELECT id FROM app.trips WHERE code = ?)", trip))
			.isEqualTo(paying.size());
	}

	@Test
	void fiftyOverlappingStayBookingsLeaveOnlyDisjointWinners() throws Exception {
		String stay = fixtures.stay(6, "150.00");
		LocalDate base = LocalDate.now(ZoneOffset.UTC).plusDays(20);
		record Attempt(LocalDate in, LocalDate out, Answer answer) {

			boolean overlaps(Attempt other) {
				return in.isBefore(other.out) && other.in.isBefore(out);
			}
		}

		List<Attempt> attempts = all(tokens.subList(0, 50).stream().<Callable<Attempt>>map(token -> () -> {
			LocalDate in = base.plusDays(ThreadLocalRandom.current().nextInt(40));
			LocalDate out = in.plusDays(1 + ThreadLocalRandom.current().nextInt(5));
			return new Attempt(in, out, fixtures.book(token, stayBody(stay, in.toString(), out.toString(), 2)));
		}).toList());

		List<Attempt> winners = attempts.stream().filter(attempt -> attempt.answer().status() == 201).toList();
		List<Attempt> losers = attempts.stream().filter(attempt -> attempt.answer().status() != 201).toList();
		assertThat(winners).isNotEmpty();
		for (Attempt winner : winners) {
			assertThat(winners).filteredOn(other -> other != winner && other.overlaps(winner)).isEmpty();
		}
		for (Attempt loser : losers) {
			assertThat(loser.answer().status()).as(loser.answer().toString()).isEqualTo(409);
			assertThat(winners).as("a winner overlapping " + loser.in() + " to " + loser.out())
				.anyMatch(winner -> winner.overlaps(loser));
			for (JsonNode conflict : loser.answer().json().path("conflicts")) {
				Attempt taken = new Attempt(LocalDate.parse(conflict.path("checkIn").asString()),
						LocalDate.parse(conflict.path("checkOut").asString()), null);
				assertThat(taken.overlaps(loser)).isTrue();
				assertThat(winners)
					.anyMatch(winner -> winner.in().equals(taken.in()) && winner.out().equals(taken.out()));
			}
		}
		assertThat(fixtures.count("SELECT count(*) FROM app.bookings WHERE status = 'PENDING' "
				+ "AND stay_id = (SELECT id FROM app.stays WHERE code = ?)", stay))
			.isEqualTo(winners.size());
	}

	private <T> List<T> all(List<Callable<T>> calls) throws Exception {
		List<T> results = new ArrayList<>();
		for (Future<T> result : pool.invokeAll(calls)) {
			results.add(result.get());
		}
		return results;
	}

}
