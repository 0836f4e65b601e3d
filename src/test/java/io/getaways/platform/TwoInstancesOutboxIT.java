package io.getaways.platform;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.booking.BookingConfirmed;
import io.getaways.platform.SharedPostgres.Publication;
import io.getaways.platform.SharedPostgres.Session;
import io.getaways.platform.SharedPostgres.State;
import io.getaways.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two complete instances of the service on the same PostgreSQL, MongoDB and Redis, as in
 * {@link TwoInstancesBookingsIT}: the outbox's resubmission job, guarded by ShedLock,
 * runs on one of them at a time, and whatever publication either leaves unfinished is
 * delivered once.
 */
@IntegrationTest
class TwoInstancesOutboxIT extends AbstractTwoInstancesIT {

	private static final String RESUBMIT_JOB = "outbox-resubmit";

	private static final String RESUBMIT_METHOD = "resubmit";

	private static final String TEST_LOCK_OWNER = "two-instances-test";

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private Duration resubmitInterval;

	@BeforeAll
	void readResubmitInterval() {
		resubmitInterval = context.getEnvironment()
			.getRequiredProperty("getaways.outbox.resubmit-interval", Duration.class);
	}

	@Test
	void whileOneInstanceRunsTheResubmissionJobTheOtherSkipsIt() throws Exception {
		Publication template = deliveredConfirmation();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> postgres.takeLock(RESUBMIT_JOB, TEST_LOCK_OWNER, Duration.ofMinutes(1)));
		List<String> bookings = new ArrayList<>();
		List<UUID> publications = new ArrayList<>();
		try (Connection holder = postgres.connect()) {
			for (int i = 0; i < 5; i++) {
				String booking = UUID.randomUUID().toString();
				bookings.add(booking);
				publications.add(postgres.insertFailed(template, booking, Duration.ofMinutes(1)));
			}
			// the test holds these rows, so the instance that resubmits them waits inside
			// its run, holding the job lock
			holder.setAutoCommit(false);
			assertThat(postgres.lockFailed(holder, publications)).as("still untouched when locked")
				.isEqualTo(publications.size());
			int holderPid = postgres.pid(holder);
			postgres.releaseLock(RESUBMIT_JOB, TEST_LOCK_OWNER);

			List<Session> waiting = await().atMost(resubmitInterval.multipliedBy(5))
				.until(() -> postgres.blockedBy(holderPid), sessions -> !sessions.isEmpty());
			Session running = waiting.get(0);
			ApplicationContext runner = instance(running);
			ApplicationContext idle = runner == context ? second.context() : context;
			Map<String, Object> lock = postgres.lock(RESUBMIT_JOB);
			long idleRuns = JobRuns.finished(idle, RESUBMIT_METHOD);

			Instant until = Instant.now().plus(resubmitInterval.multipliedBy(4));
			while (Instant.now().isBefore(until)) {
				assertThat(postgres.blockedBy(holderPid)).as("only one instance is inside the job")
					.containsExactly(running);
				assertThat(JobRuns.running(runner, RESUBMIT_METHOD)).as("the run waiting for the rows").isEqualTo(1);
				Thread.sleep(200);
			}
			assertThat(JobRuns.finished(idle, RESUBMIT_METHOD) - idleRuns)
				.as("runs of the other instance, each turned away by the lock")
				.isGreaterThanOrEqualTo(3);
			assertThat(lock).as("the job's lock, taken by the running instance")
				.containsEntry("held", true)
				.doesNotContainEntry("locked_by", TEST_LOCK_OWNER);
			assertThat(postgres.lock(RESUBMIT_JOB)).as("the same lock, still held")
				.containsEntry("held", true)
				.containsEntry("locked_at", lock.get("locked_at"));
			holder.rollback();
		}
		finally {
			postgres.releaseLock(RESUBMIT_JOB, TEST_LOCK_OWNER);
		}
		assertDeliveredOnce(bookings, publications);
	}

	@Test
	void failedPublicationsAreResubmittedOnceWhileBothInstancesRunTheJob() throws Exception {
		Publication template = deliveredConfirmation();
		long firstRuns = JobRuns.finished(context, RESUBMIT_METHOD);
		long secondRuns = JobRuns.finished(second.context(), RESUBMIT_METHOD);
		List<String> bookings = new ArrayList<>();
		List<UUID> publications = new ArrayList<>();
		// one new failure every quarter interval, so that the resubmission runs of both
		// instances find some
		for (int i = 0; i < 12; i++) {
			String booking = UUID.randomUUID().toString();
			bookings.add(booking);
			publications.add(postgres.insertFailed(template, booking, Duration.ofMinutes(1)));
			Thread.sleep(resubmitInterval.toMillis() / 4);
		}
		assertDeliveredOnce(bookings, publications);
		assertThat(JobRuns.finished(context, RESUBMIT_METHOD)).as("the first instance ran the job meanwhile")
			.isGreaterThan(firstRuns);
		assertThat(JobRuns.finished(second.context(), RESUBMIT_METHOD)).as("the second instance ran the job meanwhile")
			.isGreaterThan(secondRuns);
	}

	@Test
	void publicationsLeftUnfinishedByAStoppedInstanceAreDeliveredOnceWhenTheyAreStale() throws Exception {
		Publication template = deliveredConfirmation();
		Duration stale = context.getEnvironment()
			.getRequiredProperty("getaways.outbox.stalled-after", Duration.class)
			.plusMinutes(1);
		List<String> bookings = new ArrayList<>();
		List<UUID> publications = new ArrayList<>();
		// stopped before its listener ran, while it ran, and after a resubmission it
		// never started
		for (String[] left : new String[][] { { "PUBLISHED", "1" }, { "PROCESSING", "1" }, { "RESUBMITTED", "2" } }) {
			String booking = UUID.randomUUID().toString();
			bookings.add(booking);
			boolean resubmitted = left[0].equals("RESUBMITTED");
			publications.add(postgres.insert(template, booking, left[0], resubmitted ? stale.multipliedBy(3) : stale,
					resubmitted ? stale : null, Integer.parseInt(left[1])));
		}
		// queued on a live instance a minute ago: not stale yet, so nobody else may take
		// it
		String recentBooking = UUID.randomUUID().toString();
		UUID recent = postgres.insert(template, recentBooking, "PUBLISHED", Duration.ofMinutes(1), null, 1);
		try {
			await().atMost(Duration.ofSeconds(40))
				.untilAsserted(() -> assertThat(publications)
					.allSatisfy(id -> assertThat(postgres.state(id).completed()).as("publication " + id).isTrue()));
			Thread.sleep(Math.max(3 * notifierInterval().toMillis(), resubmitInterval.multipliedBy(2).toMillis()));
			assertThat(publications.stream().map(postgres::state).map(State::attempts)).as("each handed on once more")
				.containsExactly(2, 2, 3);
			for (String booking : bookings) {
				assertThat(sent.count("booking-confirmed:" + booking)).as("sends of booking " + booking).isEqualTo(1);
			}
			assertThat(postgres.state(recent)).isEqualTo(new State("PUBLISHED", false, 1));
			assertThat(sent.count("booking-confirmed:" + recentBooking)).isZero();
		}
		finally {
			postgres.delete(recent);
		}
	}

	/**
	 * Each failed publication resubmitted exactly once, and its notification queued once
	 * and sent once.
	 */
	private void assertDeliveredOnce(List<String> bookings, List<UUID> publications) throws InterruptedException {
		await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
			assertThat(publications).allSatisfy(id -> assertThat(postgres.state(id).completed()).isTrue());
			assertThat(bookings).allSatisfy(id -> assertThat(sent.count("booking-confirmed:" + id)).isPositive());
		});
		Thread.sleep(Math.max(3 * notifierInterval().toMillis(), resubmitInterval.multipliedBy(2).toMillis()));
		for (UUID publication : publications) {
			assertThat(postgres.state(publication)).as("publication " + publication)
				.isEqualTo(new State("COMPLETED", true, 2));
		}
		for (String booking : bookings) {
			List<Document> documents = mongo.find(Query.query(Criteria.where("facts.bookingId").is(booking)),
					Document.class, "notifications");
			assertThat(documents).as("notifications of booking " + booking)
				.singleElement()
				.satisfies(document -> assertThat(document.getInteger("attempts")).isEqualTo(1));
			assertThat(sent.count("booking-confirmed:" + booking)).as("sends of booking " + booking).isEqualTo(1);
		}
	}

	/**
	 * A confirmation published and delivered as usual, whose stored publication serves as
	 * a model.
	 */
	private Publication deliveredConfirmation() {
		UUID booking = UUID.randomUUID();
		ActorContext.runAs(Actor.job("two-instances-test"),
				() -> transactions.executeWithoutResult(tx -> events.publishEvent(new BookingConfirmed(booking,
						UUID.randomUUID(), "GALR210214", null, new BigDecimal("10.00"), "USD", UUID.randomUUID()))));
		return await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> postgres.completed(NOTIFY, booking.toString()), publication -> true);
	}

	private ApplicationContext instance(Session session) {
		assertThat(session.application()).isIn("getaways", SecondInstance.APPLICATION_NAME);
		return SecondInstance.APPLICATION_NAME.equals(session.application()) ? second.context() : context;
	}

}
