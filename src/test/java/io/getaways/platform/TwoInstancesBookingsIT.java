package io.getaways.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.getaways.booking.BookingConfirmed;
import io.getaways.booking.TestBookingApi;
import io.getaways.platform.SharedPostgres.State;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two complete instances of the service on the same PostgreSQL, MongoDB and Redis: the
 * test application and a second one started beside it as an external client of the same
 * servers. Bookings paid through either instance, or through both at once, are confirmed
 * once, and each confirmation is notified once.
 */
@IntegrationTest
class TwoInstancesBookingsIT extends AbstractTwoInstancesIT {

	@LocalServerPort
	int port;

	@Test
	void bookingsPaidThroughEitherInstanceOrBothAtOnceAreConfirmedAndNotifiedOnce() throws Exception {
		TestBookingApi first = new TestBookingApi(context, new HttpApi(port));
		TestBookingApi other = new TestBookingApi(context, new HttpApi(second.port()));
		int bookings = 12;
		String trip = first.trip(bookings, "80.00", Instant.now().plus(Duration.ofDays(90)));
		List<String> ids = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < bookings; i++) {
			TestBookingApi placedOn = i % 2 == 0 ? first : other;
			String token = accessToken(placedOn.accounts().newCustomer());
			tokens.add(token);
			ids.add(placedOn.bookOk(token, tripBody(trip, 1)));
		}

		// each booking paid through both instances at once, except the last two, paid
		// through one instance each, so
		// that both instances surely publish confirmations whichever wins the races
		ExecutorService pool = Executors.newFixedThreadPool(2 * bookings);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<List<Future<Answer>>> payments = new ArrayList<>();
			for (int i = 0; i < bookings; i++) {
				String token = tokens.get(i);
				String id = ids.get(i);
				List<TestBookingApi> through = i < bookings - 2 ? List.of(first, other)
						: List.of(i % 2 == 0 ? first : other);
				payments.add(through.stream().map(api -> pool.submit(gated(start, () -> api.pay(token, id)))).toList());
			}
			start.countDown();
			for (List<Future<Answer>> attempts : payments) {
				List<Answer> answers = new ArrayList<>();
				for (Future<Answer> attempt : attempts) {
					answers.add(attempt.get());
				}
				assertThat(answers.stream().map(Answer::status).toList())
					.as("one payment wins, any other finds the booking paid: %s", answers)
					.containsExactlyInAnyOrderElementsOf(answers.size() == 1 ? List.of(200) : List.of(200, 409));
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<String> notifications = ids.stream().map(id -> "booking-confirmed:" + id).toList();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(notifications)
				.allSatisfy(id -> assertThat(sent.count(id)).as("sent " + id).isPositive()));
		// a few more rounds of both notifiers, in which a second send would show
		Thread.sleep(3 * notifierInterval().toMillis());
		for (String id : ids) {
			List<Document> documents = mongo.find(Query.query(Criteria.where("facts.bookingId").is(id)), Document.class,
					"notifications");
			assertThat(documents).as("notifications of booking " + id).singleElement().satisfies(document -> {
				assertThat(document.getString("_id")).isEqualTo("booking-confirmed:" + id);
				assertThat(document.getString("status")).isEqualTo("SENT");
				assertThat(document.getInteger("attempts")).as("claimed once").isEqualTo(1);
			});
			assertThat(sent.count("booking-confirmed:" + id)).as("sends of booking " + id).isEqualTo(1);
			assertThat(postgres.states(NOTIFY, id)).as("one BookingConfirmed, delivered on its first attempt")
				.containsExactly(new State("COMPLETED", true, 1));
		}
	}

	private static <T> Callable<T> gated(CountDownLatch start, Callable<T> work) {
		return () -> {
			start.await();
			return work.call();
		};
	}

}
