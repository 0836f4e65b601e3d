package io.getaways.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.getaways.booking.BookingCancelled;
import io.getaways.booking.BookingConfirmed;
import io.getaways.booking.CancellationReason;
import io.getaways.identity.Identity;
import io.getaways.notification.Notification;
import io.getaways.notification.NotificationKind;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.transaction.support.TransactionTemplate;

/** Booking notifications through the real outbox, MongoDB and notifier. */
@IntegrationTest
class NotificationIT {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	NotificationStore store;

	@Autowired
	Notifier notifier;

	@Autowired
	Identity identity;

	@LocalServerPort
	int port;

	@Test
	void aConfirmationDeliveredTwiceIsQueuedOnceAndSentOnce() {
		UUID booking = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		BookingConfirmed confirmed = new BookingConfirmed(booking, user, "GALR210214", null, new BigDecimal("99.50"),
				"USD", UUID.randomUUID());
		publish(confirmed);
		publish(confirmed);
		publish(new BookingCancelled(booking, user, "GALR210214", null, CancellationReason.CUSTOMER,
				new BigDecimal("49.75"), "USD"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<Document> sent = forBooking(booking);
			assertThat(sent).hasSize(2);
			assertThat(sent).allSatisfy(document -> {
				assertThat(document.getString("status")).isEqualTo("SENT");
				assertThat(document.getInteger("attempts")).isEqualTo(1);
				assertThat(document.getString("userId")).isEqualTo(user.toString());
			});
		});
		Document cancelled = mongo.findById("booking-cancelled:" + booking, Document.class,
				NotificationStore.COLLECTION);
		assertThat(cancelled.get("facts", Document.class).getString("refundAmount")).isEqualTo("49.75");
		assertThat(cancelled.get("facts", Document.class).getString("reason")).isEqualTo("CUSTOMER");
	}

	@Test
	void aTravellerWhoTurnedBookingEmailsOffIsSentNothingButKeepsTheInbox() {
		TestAccounts.Account quiet = TestAccounts.traveller(identity, "no-booking-emails");
		Answer saved = new HttpApi(port).send("PUT", "/api/v1/me/preferences", "application/json",
				"{\"bookingEmails\":false}", "Authorization", "Bearer " + quiet.accessToken());
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		UUID booking = UUID.randomUUID();
		publish(new BookingConfirmed(booking, quiet.id(), "GALR210214", null, new BigDecimal("80.00"), "USD",
				UUID.randomUUID()));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Document withheld = mongo.findById("booking-confirmed:" + booking, Document.class,
					NotificationStore.COLLECTION);
			assertThat(withheld).isNotNull();
			assertThat(withheld.getString("status")).isEqualTo("WITHHELD");
			assertThat(withheld.get("sentAt")).isNull();
		});
		Answer inbox = new HttpApi(port).get("/api/v1/me/notifications", "Authorization",
				"Bearer " + quiet.accessToken());
		assertThat(inbox.body()).contains(booking.toString()).contains("\"unread\":1");
	}

	@Test
	void notifiersRunningSideBySideSendEachNotificationOnce() throws Exception {
		String batch = UUID.randomUUID().toString();
		for (int i = 0; i < 30; i++) {
			store.queue(new Notification("test:" + batch + ":" + i, "user-" + batch, NotificationKind.BOOKING_CONFIRMED,
					Map.of("batch", batch), Instant.now()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(pool.submit(notifier::sendDue));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<Document> documents = mongo.find(Query.query(Criteria.where("userId").is("user-" + batch)),
					Document.class, NotificationStore.COLLECTION);
			assertThat(documents).hasSize(30).allSatisfy(document -> {
				assertThat(document.getString("status")).isEqualTo("SENT");
				assertThat(document.getInteger("attempts")).as("claimed once").isEqualTo(1);
			});
		});
	}

	@Test
	void aFailedSendIsRetriedAfterItsDelayAndAnAbandonedClaimIsTakenOver() {
		String id = "test:retry:" + UUID.randomUUID();
		// far in the future, so that the running notifier leaves it alone
		Instant later = Instant.now().plus(Duration.ofDays(3650));
		store.queue(new Notification(id, "user-retry", NotificationKind.BOOKING_CANCELLED, Map.of(), later));
		Instant farLater = later.plusSeconds(1);
		NotificationStore.Claim claimed = claimOwn(id, "instance-a", farLater, Instant.EPOCH);
		assertThat(claimed.attempts()).isEqualTo(1);
		assertThat(store.claim(id, "instance-x", farLater, Instant.EPOCH)).as("claimed, so no longer due").isEmpty();
		assertThat(store.due(farLater, 1_000_000)).doesNotContain(id);
		assertThat(store.markFailed(claimed, "mail server down", false, farLater.plusSeconds(60))).isTrue();
		assertThat(attempts(id)).isEqualTo(1);
		Document queued = mongo.findById(id, Document.class, NotificationStore.COLLECTION);
		assertThat(queued.getString("status")).isEqualTo("QUEUED");
		assertThat(queued.getString("lastError")).isEqualTo("mail server down");

		assertThat(store.claim(id, "instance-b", farLater.plusSeconds(59), Instant.EPOCH)).as("before its retry time")
			.isEmpty();
		NotificationStore.Claim stale = claimOwn(id, "instance-b", farLater.plusSeconds(61), Instant.EPOCH);
		assertThat(stale.attempts()).isEqualTo(2);
		// instance-b stops mid-send; after the claim timeout instance-c takes over
		NotificationStore.Claim takeover = claimOwn(id, "instance-c", farLater.plusSeconds(62),
				farLater.plusSeconds(62));
		assertThat(store.markSent(stale)).as("a stale claimant cannot finish").isFalse();
		assertThat(mongo.findById(id, Document.class, NotificationStore.COLLECTION).getString("status"))
			.isEqualTo("SENDING");
		assertThat(store.markSent(takeover)).isTrue();
		Document sent = mongo.findById(id, Document.class, NotificationStore.COLLECTION);
		assertThat(sent.getString("status")).isEqualTo("SENT");
		assertThat(sent.getInteger("attempts")).isEqualTo(3);
	}

	@Test
	void theQueueHoldsOnlyUnfinishedNotificationsAndHealsItself() {
		String sent = "test:queue-sent:" + UUID.randomUUID();
		String orphan = "test:queue-orphan:" + UUID.randomUUID();
		String legacy = "test:queue-legacy:" + UUID.randomUUID();
		Instant later = Instant.now().plus(Duration.ofDays(3650));
		store.queue(new Notification(sent, "user-queue", NotificationKind.BOOKING_CONFIRMED, Map.of(), later));
		assertThat(queueEntry(sent)).as("queued, so in the queue").isNotNull();
		NotificationStore.Claim claim = claimOwn(sent, "instance-q", later, Instant.EPOCH);
		assertThat(store.markSent(claim)).isTrue();
		assertThat(queueEntry(sent)).as("sent, so gone from the queue").isNull();

		// an entry whose document never got written (a failure between the two writes) is
		// dropped when it comes up
		mongo.insert(new Document("_id", orphan).append("dueAt", Date.from(later)), NotificationQueue.COLLECTION);
		assertThat(store.claim(orphan, "instance-q", later, Instant.EPOCH)).isEmpty();
		assertThat(queueEntry(orphan)).isNull();

		// a notification queued before the queue existed gets its entry when the notifier
		// prepares
		mongo.insert(new Document("_id", legacy).append("userId", "user-queue")
			.append("kind", "BOOKING_CONFIRMED")
			.append("facts", new Document())
			.append("createdAt", Date.from(later))
			.append("status", "QUEUED")
			.append("attempts", 0)
			.append("nextAttemptAt", Date.from(later)), NotificationStore.COLLECTION);
		assertThat(queueEntry(legacy)).isNull();
		assertThat(store.prepare()).isPositive();
		assertThat(store.due(later, 1_000_000)).contains(legacy).doesNotContain(sent, orphan);
		NotificationStore.Claim legacyClaim = claimOwn(legacy, "instance-q", later, Instant.EPOCH);
		assertThat(legacyClaim.rev()).as("a document without a revision gets one").isEqualTo(1);
		assertThat(store.markSent(legacyClaim)).isTrue();
		assertThat(queueEntry(legacy)).isNull();
	}

	private Document queueEntry(String id) {
		return mongo.findById(id, Document.class, NotificationQueue.COLLECTION);
	}

	private NotificationStore.Claim claimOwn(String id, String instance, Instant now, Instant abandonedBefore) {
		return store.claim(id, instance, now, abandonedBefore)
			.orElseThrow(() -> new AssertionError("notification " + id + " was not due for " + instance));
	}

	private int attempts(String id) {
		return mongo.findById(id, Document.class, NotificationStore.COLLECTION).getInteger("attempts", 0);
	}

	private List<Document> forBooking(UUID booking) {
		return mongo.find(Query.query(Criteria.where("facts.bookingId").is(booking.toString())), Document.class,
				NotificationStore.COLLECTION);
	}

	private void publish(Object event) {
		ActorContext.runAs(Actor.job("test"),
				() -> transactions.executeWithoutResult(tx -> events.publishEvent(event)));
	}

}
