package io.getaways.booking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking takes its seats, and a payment confirms, with one conditional update that
 * also does the lock and the checks; the trip or booking is read only when the update
 * refuses, to answer exactly as before. Statements are counted by the store timers the
 * repositories record, per operation.
 */
@IntegrationTest
class BookingRoundTripsIT extends AbstractBookingApiIT {

	private static final List<String> BOOK_OPERATIONS = List.of("inventory.trip-reserve", "inventory.trip-lock",
			"inventory.reserve", "inventory.trip-find", "booking.insert");

	private static final List<String> PAY_OPERATIONS = List.of("booking.confirm", "booking.lock");

	@Autowired
	MeterRegistry meters;

	@Test
	void aBookingTakesItsSeatsAndFactsInOneStatementAndAnnouncesTheTripOnce() {
		String trip = fixtures.trip(5, "120.00", FAR);
		String token = accessToken(accounts.newCustomer());
		Map<String, Long> announcedBefore = announced(trip);

		Map<String, Long> sent = statements(BOOK_OPERATIONS, () -> fixtures.book(token, tripBody(trip, 2)), answer -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
			assertThat(answer.json().path("unitPrice").decimalValue()).isEqualByComparingTo("120.00");
			assertThat(Instant.parse(answer.json().path("endsAt").asString())).isEqualTo(FAR.plus(Duration.ofDays(5)));
		});

		assertThat(sent).containsExactlyInAnyOrderEntriesOf(Map.of("inventory.trip-reserve", 1L, "inventory.trip-lock",
				0L, "inventory.reserve", 0L, "inventory.trip-find", 0L, "booking.insert", 1L));
		assertThat(fixtures.seats(trip)).containsExactly(2, 5);
		Map<String, Long> announcedAfter = announced(trip);
		assertThat(announcedAfter).as("listeners of TripChanged").hasSizeGreaterThanOrEqualTo(2);
		announcedAfter.forEach((listener,
				events) -> assertThat(events - announcedBefore.getOrDefault(listener, 0L)).as(listener).isEqualTo(1));
	}

	@Test
	void aPaymentConfirmsInOneStatement() {
		String trip = fixtures.trip(5, "80.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String id = fixtures.bookOk(token, tripBody(trip, 1));

		Map<String, Long> sent = statements(PAY_OPERATIONS, () -> fixtures.pay(token, id), answer -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.json().path("status").asString()).isEqualTo("CONFIRMED");
		});

		assertThat(sent).containsExactlyInAnyOrderEntriesOf(Map.of("booking.confirm", 1L, "booking.lock", 0L));
	}

	@Test
	void refusedBookingsAnswerWhatStoodInTheWay() {
		Instant departed = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		String gone = fixtures.trip(10, "50.00", departed);
		String inactive = fixtures.trip(10, "50.00", FAR);
		fixtures.asJob(() -> fixtures.update("UPDATE app.trips SET status = 'INACTIVE' WHERE code = ?", inactive));
		String full = fixtures.trip(3, "50.00", FAR);
		String unknown = TestTrips.code();
		String token = accessToken(accounts.newCustomer());
		fixtures.bookOk(token, tripBody(full, 2));
		Map<String, Long> announcedBefore = announced(gone, inactive, full);

		assertRefused(fixtures.book(token, tripBody(gone, 1)), 409,
				"Trip " + gone + " cannot be booked: it departed at " + departed);
		assertRefused(fixtures.book(token, tripBody(inactive, 1)), 409,
				"Trip " + inactive + " cannot be booked: it is INACTIVE");
		Answer soldOut = fixtures.book(token, tripBody(full, 2));
		assertRefused(soldOut, 409, "Trip " + full + " has 1 seat(s) left, fewer than the 2 requested");
		assertThat(soldOut.json().path("seatsLeft").asInt()).isEqualTo(1);
		assertRefused(fixtures.book(token, tripBody(unknown, 1)), 404, "Trip " + unknown + " not found");

		assertThat(fixtures.seats(gone)[0] + fixtures.seats(inactive)[0]).isZero();
		assertThat(fixtures.seats(full)).containsExactly(2, 3);
		assertThat(announced(gone, inactive, full)).as("nothing announced for trips that took no seat")
			.isEqualTo(announcedBefore);
	}

	@Test
	void aRefusedBookingReadsTheTripOnlyThen() {
		String full = fixtures.trip(1, "50.00", FAR);
		String token = accessToken(accounts.newCustomer());
		fixtures.bookOk(token, tripBody(full, 1));

		Map<String, Long> sent = statements(BOOK_OPERATIONS, () -> fixtures.book(token, tripBody(full, 1)),
				answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(409));

		assertThat(sent).containsEntry("inventory.trip-reserve", 1L)
			.containsEntry("inventory.trip-lock", 1L)
			.containsEntry("booking.insert", 0L);
	}

	@Test
	void refusedPaymentsAnswerWhatStoodInTheWay() {
		String trip = fixtures.trip(10, "90.00", FAR);
		String owner = accessToken(accounts.newCustomer());
		String stranger = accessToken(accounts.newCustomer());
		String paid = fixtures.bookOk(owner, tripBody(trip, 1));
		String expired = fixtures.bookOk(owner, tripBody(trip, 1));
		String cancelled = fixtures.bookOk(owner, tripBody(trip, 1));
		String others = fixtures.bookOk(owner, tripBody(trip, 1));
		assertThat(fixtures.pay(owner, paid).status()).isEqualTo(200);
		assertThat(fixtures.cancel(owner, cancelled).status()).isEqualTo(200);
		fixtures.update("UPDATE app.bookings SET hold_expires_at = now() - interval '1 second' WHERE id = ?::uuid",
				expired);
		Instant expiredAt = ((Timestamp) fixtures
			.rows("SELECT hold_expires_at FROM app.bookings WHERE id = ?::uuid", expired)
			.get(0)
			.get("hold_expires_at")).toInstant();

		assertRefused(fixtures.pay(owner, paid), 409, "Booking " + paid + " cannot be paid in status CONFIRMED");
		assertRefused(fixtures.pay(owner, cancelled), 409,
				"Booking " + cancelled + " cannot be paid in status CANCELLED");
		assertRefused(fixtures.pay(owner, expired), 409, "The hold of booking " + expired + " expired at " + expiredAt);
		Map<String, Long> sent = statements(PAY_OPERATIONS, () -> fixtures.pay(stranger, others),
				answer -> assertRefused(answer, 404, "Booking " + others + " not found"));
		assertThat(sent).containsEntry("booking.confirm", 1L).containsEntry("booking.lock", 1L);

		assertThat(fixtures.rows("SELECT status FROM app.bookings WHERE id = ?::uuid", others).get(0))
			.containsEntry("status", "PENDING");
		assertThat(fixtures.rows("SELECT status FROM app.bookings WHERE id = ?::uuid", expired).get(0))
			.containsEntry("status", "PENDING");
		assertThat(fixtures.count("SELECT count(*) FROM app.payments WHERE booking_id = ANY (?::uuid[])",
				"{" + String.join(",", paid, expired, cancelled, others) + "}"))
			.as("only the first payment captured")
			.isEqualTo(1);
		assertThat(fixtures.pay(owner, others).status()).as("the owner still pays").isEqualTo(200);
	}

	/** TripChanged publications of these trips, by listener. */
	private Map<String, Long> announced(String... codes) {
		return fixtures.rows("""
				SELECT listener_id, count(*) AS events
				FROM app.event_publication
				WHERE event_type LIKE '%TripChanged'
				  AND serialized_event::jsonb ->> 'code' = ANY (?::text[])
				GROUP BY listener_id""", "{" + String.join(",", codes) + "}")
			.stream()
			.collect(Collectors.toMap(row -> (String) row.get("listener_id"), row -> (Long) row.get("events")));
	}

	private static void assertRefused(Answer answer, int status, String detail) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("detail").asString()).isEqualTo(detail);
	}

	/**
	 * How many calls of each operation reached PostgreSQL while the request ran; the
	 * request's own answer is checked first, since a failure would send other statements.
	 */
	private Map<String, Long> statements(List<String> operations, Supplier<Answer> request, Consumer<Answer> check) {
		Map<String, Long> before = counts(operations);
		Answer answer = request.get();
		check.accept(answer);
		Map<String, Long> after = counts(operations);
		return operations.stream()
			.collect(Collectors.toMap(operation -> operation,
					operation -> after.get(operation) - before.get(operation)));
	}

	private Map<String, Long> counts(List<String> operations) {
		return operations.stream().collect(Collectors.toMap(operation -> operation, this::count));
	}

	private long count(String operation) {
		// refusals are recorded as successful statements: they answer with no row
		Timer timer = meters.find("getaways.store.operations")
			.tags("store", "postgres", "operation", operation, "outcome", "success")
			.timer();
		return timer == null ? 0 : timer.count();
	}

}
