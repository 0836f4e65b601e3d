package io.getaways.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import io.getaways.notification.Notification;
import io.getaways.notification.NotificationKind;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Notification documents in MongoDB collection {@code notifications}: QUEUED, then
 * SENDING while one instance holds the claim, then SENT, WITHHELD (the traveller wants no
 * such message sent), or FAILED after the last attempt. Every state change is one update
 * conditional on the document's revision, which each change increments: two notifiers
 * never claim the same document, and a claimant whose claim was taken over cannot finish
 * it. Conditions on {@code _id} and {@code rev} alone, rather than on status and
 * claimant, let a server without a query planner (the embedded one) find the document by
 * index instead of reading the whole collection. Which notifications are due is kept
 * apart, in {@link NotificationQueue}.
 */
@Component
class NotificationStore {

	static final String COLLECTION = "notifications";

	private final MongoTemplate mongo;

	private final StoreMetrics metrics;

	private final NotificationQueue queue;

	NotificationStore(MongoTemplate mongo, StoreMetrics metrics, NotificationQueue queue) {
		this.mongo = mongo;
		this.metrics = metrics;
		this.queue = queue;
	}

	/**
	 * Queues the notification unless one with its id exists; returns whether it did. The
	 * queue entry comes first: a failure between the two writes leaves an entry without a
	 * document, which the outbox's second delivery completes and the notifier otherwise
	 * drops, never a document nobody will send. Both writes are plain inserts that the
	 * unique {@code _id} refuses a second time: an upsert would look the id up first and
	 * then insert, two index lookups where the insert needs one, on every booking.
	 */
	boolean queue(Notification notification) {
		queue.addIfAbsent(notification.id(), notification.createdAt());
		return metrics.record(Store.MONGO, "notification.queue", () -> {
			Document document = new Document("_id", notification.id()).append("userId", notification.userId())
				.append("kind", notification.kind().name())
				.append("facts", new Document(notification.facts()))
				.append("createdAt", Date.from(notification.createdAt()))
				.append("status", "QUEUED")
				.append("attempts", 0)
				.append("rev", 0)
				.append("nextAttemptAt", Date.from(notification.createdAt()));
			try {
				mongo.insert(document, COLLECTION);
				return true;
			}
			catch (DuplicateKeyException queuedBefore) {
				return false;
			}
		});
	}

	/**
	 * The ids of up to {@code limit} notifications due by {@code now}, from the queue's
	 * short list.
	 */
	List<String> due(Instant now, int limit) {
		return queue.due(now, limit);
	}

	/**
	 * Claims the notification if it is still due; empty when it is not, or when another
	 * notifier changed it first. One not due moves its queue entry to when it will be, or
	 * drops it once it is finished.
	 */
	Optional<Claim> claim(String id, String instance, Instant now, Instant abandonedBefore) {
		Optional<Claim> fresh = claimFresh(id, instance, now);
		if (fresh.isPresent()) {
			return fresh;
		}
		Duration claimTimeout = Duration.between(abandonedBefore, now);
		Document document = metrics.record(Store.MONGO, "notification.read",
				() -> mongo.findById(id, Document.class, COLLECTION));
		Instant due = document == null ? null : dueAt(document, claimTimeout);
		if (due == null) {
			queue.remove(id);
			return Optional.empty();
		}
		if (due.isAfter(now)) {
			queue.dueAt(id, due);
			return Optional.empty();
		}
		int rev = document.getInteger("rev", 0);
		int attempts = document.getInteger("attempts", 0) + 1;
		Update claim = new Update().set("status", "SENDING")
			.set("claimedBy", instance)
			.set("claimedAt", Date.from(now))
			.set("attempts", attempts)
			.set("rev", rev + 1);
		boolean claimed = metrics.record(Store.MONGO, "notification.claim",
				() -> mongo.updateFirst(at(id, document.get("rev")), claim, COLLECTION).getModifiedCount() == 1);
		if (!claimed) {
			return Optional.empty();
		}
		// the entry stays due: the send that follows removes it, and if this instance
		// stops first, the next round
		// finds the claim and moves the entry to when it will be abandoned
		return Optional.of(new Claim(map(document), attempts, rev + 1));
	}

	/**
	 * Claims a notification nothing has changed since it was queued, in one write instead
	 * of a read and a write: revision 0 means QUEUED, never attempted, and due since its
	 * queue entry, which says so, was due. Empty for any other, which the read decides.
	 */
	private Optional<Claim> claimFresh(String id, String instance, Instant now) {
		Update claim = new Update().set("status", "SENDING")
			.set("claimedBy", instance)
			.set("claimedAt", Date.from(now))
			.set("attempts", 1)
			.set("rev", 1);
		Document claimed = metrics.record(Store.MONGO, "notification.claim", () -> mongo.findAndModify(at(id, 0), claim,
				FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION));
		return claimed == null ? Optional.empty() : Optional.of(new Claim(map(claimed), 1, 1));
	}

	/**
	 * A claimed notification, how many attempts it has had with this one, and the
	 * revision the claim made.
	 */
	record Claim(Notification notification, int attempts, int rev) {
	}

	/**
	 * Creates the indexes (the revision index only helps a server that does not plan
	 * queries: others use {@code _id}) and gives unfinished notifications from before the
	 * queue existed their entries; returns how many.
	 */
	int prepare() {
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("_id", Sort.Direction.ASC)
				.on("rev", Sort.Direction.ASC)
				.unique()
				.named("notifications_revision_idx"));
		mongo.indexOps(NotificationQueue.COLLECTION)
			.createIndex(new Index().on("dueAt", Sort.Direction.ASC).named("notification_queue_due_idx"));
		return queue.addUnfinished();
	}

	/** Whether it was sent; false when the claim had been taken over meanwhile. */
	boolean markSent(Claim claim) {
		boolean sent = transition(claim,
				new Update().set("status", "SENT").set("sentAt", new Date()).unset("claimedBy"));
		if (sent) {
			queue.remove(claim.notification().id());
		}
		return sent;
	}

	/**
	 * Finished without sending, since the traveller does not want it sent; false when the
	 * claim had been taken over meanwhile.
	 */
	boolean markWithheld(Claim claim) {
		boolean withheld = transition(claim,
				new Update().set("status", "WITHHELD").set("withheldAt", new Date()).unset("claimedBy"));
		if (withheld) {
			queue.remove(claim.notification().id());
		}
		return withheld;
	}

	boolean markFailed(Claim claim, String error, boolean lastAttempt, Instant nextAttemptAt) {
		Update update = new Update().set("lastError", error).unset("claimedBy");
		if (lastAttempt) {
			update.set("status", "FAILED");
		}
		else {
			update.set("status", "QUEUED").set("nextAttemptAt", Date.from(nextAttemptAt));
		}
		boolean changed = transition(claim, update);
		if (changed && lastAttempt) {
			queue.remove(claim.notification().id());
		}
		else if (changed) {
			queue.dueAt(claim.notification().id(), nextAttemptAt);
		}
		return changed;
	}

	private boolean transition(Claim claim, Update update) {
		return metrics.record(Store.MONGO, "notification.update",
				() -> mongo.updateFirst(at(claim.notification().id(), claim.rev()), update.inc("rev", 1), COLLECTION)
					.getModifiedCount() == 1);
	}

	private static Query at(String id, Object rev) {
		return Query.query(Criteria.where("_id").is(id).and("rev").is(rev));
	}

	/**
	 * When a notification is due: its (re)try time, or when its claim is abandoned; null
	 * once it is finished.
	 */
	private static Instant dueAt(Document document, Duration claimTimeout) {
		String status = document.getString("status");
		if ("QUEUED".equals(status)) {
			Date next = document.getDate("nextAttemptAt");
			return next == null ? Instant.EPOCH : next.toInstant();
		}
		if ("SENDING".equals(status)) {
			Date claimed = document.getDate("claimedAt");
			return claimed == null ? Instant.EPOCH : claimed.toInstant().plus(claimTimeout);
		}
		return null;
	}

	private static Notification map(Document document) {
		Document facts = document.get("facts", Document.class);
		return new Notification(document.getString("_id"), document.getString("userId"),
				NotificationKind.valueOf(document.getString("kind")),
				facts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(facts),
				document.get("createdAt", Date.class).toInstant());
	}

	/** Every notification of one user, oldest first. */
	List<Document> all(String userId) {
		Query query = Query.query(Criteria.where("userId").is(userId)).with(Sort.by("createdAt"));
		return metrics.record(Store.MONGO, "notification.all", () -> mongo.find(query, Document.class, COLLECTION));
	}

	/**
	 * Removes every notification of one user; a queue entry left behind finds no document
	 * and is dropped by the notifier.
	 */
	long deleteAll(String userId) {
		return metrics.record(Store.MONGO, "notification.erase",
				() -> mongo.remove(Query.query(Criteria.where("userId").is(userId)), COLLECTION).getDeletedCount());
	}

}
