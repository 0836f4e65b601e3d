package io.getaways.notification.internal;

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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Notification documents in MongoDB collection {@code notifications}: QUEUED, then SENDING while one instance holds
 * the claim, then SENT, or FAILED after the last attempt. Every state change is one update conditional on the
 * document's revision, which each change increments: two notifiers never claim the same document, and a claimant
 * whose claim was taken over cannot finish it. Conditions on {@code _id} and {@code rev} alone, rather than on status
 * and claimant, let a server without a query planner (the embedded one) find the document by index instead of
 * reading the whole collection.
 */
@Component
class NotificationStore {

	static final String COLLECTION = "notifications";

	private final MongoTemplate mongo;
	private final StoreMetrics metrics;

	NotificationStore(MongoTemplate mongo, StoreMetrics metrics) {
		this.mongo = mongo;
		this.metrics = metrics;
	}

	/** Queues the notification unless one with its id exists; returns whether it did. */
	boolean queue(Notification notification) {
		return metrics.record(Store.MONGO, "notification.queue", () -> {
			Update insertOnly = new Update().setOnInsert("userId", notification.userId())
				.setOnInsert("kind", notification.kind().name())
				.setOnInsert("facts", new Document(notification.facts()))
				.setOnInsert("createdAt", Date.from(notification.createdAt()))
				.setOnInsert("status", "QUEUED")
				.setOnInsert("attempts", 0)
				.setOnInsert("rev", 0)
				.setOnInsert("nextAttemptAt", Date.from(notification.createdAt()));
			return mongo.upsert(Query.query(Criteria.where("_id").is(notification.id())), insertOnly, COLLECTION)
				.getUpsertedId() != null;
		});
	}

	/**
	 * The ids of up to {@code limit} due notifications, oldest due first: queued ones whose time has come and claims
	 * abandoned before the given instant. One read per round, the only one that may pass over the collection.
	 */
	List<String> due(Instant now, Instant abandonedBefore, int limit) {
		Query query = Query.query(new Criteria().orOperator(
				Criteria.where("status").is("QUEUED").and("nextAttemptAt").lte(Date.from(now)),
				Criteria.where("status").is("SENDING").and("claimedAt").lt(Date.from(abandonedBefore))))
			.with(Sort.by("nextAttemptAt"))
			.limit(limit);
		query.fields().include("_id");
		return metrics.record(Store.MONGO, "notification.due",
				() -> mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList());
	}

	/** Claims the notification if it is still due; empty when it is not, or when another notifier changed it first. */
	Optional<Claim> claim(String id, String instance, Instant now, Instant abandonedBefore) {
		return metrics.record(Store.MONGO, "notification.claim", () -> {
			Document document = mongo.findById(id, Document.class, COLLECTION);
			if (document == null || !isDue(document, now, abandonedBefore)) {
				return Optional.<Claim>empty();
			}
			int rev = document.getInteger("rev", 0);
			int attempts = document.getInteger("attempts", 0) + 1;
			Update claim = new Update().set("status", "SENDING").set("claimedBy", instance)
				.set("claimedAt", Date.from(now)).set("attempts", attempts).set("rev", rev + 1);
			if (mongo.updateFirst(at(id, document.get("rev")), claim, COLLECTION).getModifiedCount() != 1) {
				return Optional.<Claim>empty();
			}
			return Optional.of(new Claim(map(document), attempts, rev + 1));
		});
	}

	/** A claimed notification, how many attempts it has had with this one, and the revision the claim made. */
	record Claim(Notification notification, int attempts, int rev) {
	}

	/** The revision query's index: a server that plans queries uses {@code _id} and does not need it. */
	void ensureIndexes() {
		var indexes = mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("rev", Sort.Direction.ASC).unique()
			.named("notifications_revision_idx"));
		indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)
			.named("notifications_due_idx"));
	}

	/** Whether it was sent; false when the claim had been taken over meanwhile. */
	boolean markSent(Claim claim) {
		return transition(claim, new Update().set("status", "SENT").set("sentAt", new Date()).unset("claimedBy"));
	}

	boolean markFailed(Claim claim, String error, boolean lastAttempt, Instant nextAttemptAt) {
		Update update = new Update().set("lastError", error).unset("claimedBy");
		if (lastAttempt) {
			update.set("status", "FAILED");
		}
		else {
			update.set("status", "QUEUED").set("nextAttemptAt", Date.from(nextAttemptAt));
		}
		return transition(claim, update);
	}

	private boolean transition(Claim claim, Update update) {
		return metrics.record(Store.MONGO, "notification.update",
				() -> mongo.updateFirst(at(claim.notification().id(), claim.rev()), update.inc("rev", 1), COLLECTION)
					.getModifiedCount() == 1);
	}

	private static Query at(String id, Object rev) {
		return Query.query(Criteria.where("_id").is(id).and("rev").is(rev));
	}

	private static boolean isDue(Document document, Instant now, Instant abandonedBefore) {
		String status = document.getString("status");
		if ("QUEUED".equals(status)) {
			Date next = document.getDate("nextAttemptAt");
			return next == null || !next.toInstant().isAfter(now);
		}
		if ("SENDING".equals(status)) {
			Date claimed = document.getDate("claimedAt");
			return claimed == null || claimed.toInstant().isBefore(abandonedBefore);
		}
		return false;
	}

	private static Notification map(Document document) {
		Document facts = document.get("facts", Document.class);
		return new Notification(document.getString("_id"), document.getString("userId"),
				NotificationKind.valueOf(document.getString("kind")),
				facts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(facts),
				document.get("createdAt", Date.class).toInstant());
	}
}
