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
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Notification documents in MongoDB collection {@code notifications}: QUEUED, then SENDING while one instance holds
 * the claim, then SENT, or FAILED after the last attempt. Every state change is one conditional update, so two
 * notifiers never claim the same document.
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
				.setOnInsert("nextAttemptAt", Date.from(notification.createdAt()));
			return mongo.upsert(Query.query(Criteria.where("_id").is(notification.id())), insertOnly, COLLECTION)
				.getUpsertedId() != null;
		});
	}

	/**
	 * The ids of up to {@code limit} due notifications, oldest due first: queued ones whose time has come and claims
	 * abandoned before the given instant. One read per round, so that a round costs one pass over the collection
	 * even on a server that cannot use the index for it.
	 */
	List<String> due(Instant now, Instant abandonedBefore, int limit) {
		Query query = Query.query(due(now, abandonedBefore)).with(Sort.by("nextAttemptAt")).limit(limit);
		query.fields().include("_id");
		return metrics.record(Store.MONGO, "notification.due",
				() -> mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList());
	}

	/**
	 * Claims one notification by id if it is still due: the conditional update is what keeps two notifiers apart;
	 * empty when another claimed it first.
	 */
	Optional<Claim> claim(String id, String instance, Instant now, Instant abandonedBefore) {
		Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), due(now, abandonedBefore)));
		Update claim = new Update().set("status", "SENDING").set("claimedBy", instance).set("claimedAt", Date.from(now))
			.inc("attempts", 1);
		return Optional.ofNullable(metrics.record(Store.MONGO, "notification.claim",
				() -> mongo.findAndModify(query, claim, FindAndModifyOptions.options().returnNew(true), Document.class,
						COLLECTION)))
			.map(document -> new Claim(map(document), document.getInteger("attempts", 1)));
	}

	/** A claimed notification and how many attempts, this one included, it has had. */
	record Claim(Notification notification, int attempts) {
	}

	/** The claim query's index; servers without index support for it still answer, by scanning. */
	void ensureIndexes() {
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)
				.named("notifications_due_idx"));
	}

	private static Criteria due(Instant now, Instant abandonedBefore) {
		return new Criteria().orOperator(
				Criteria.where("status").is("QUEUED").and("nextAttemptAt").lte(Date.from(now)),
				Criteria.where("status").is("SENDING").and("claimedAt").lt(Date.from(abandonedBefore)));
	}

	void markSent(String id, String instance) {
		transition(id, instance, new Update().set("status", "SENT").set("sentAt", new Date()).unset("claimedBy"));
	}

	void markFailed(String id, String instance, String error, boolean lastAttempt, Instant nextAttemptAt) {
		Update update = new Update().set("lastError", error).unset("claimedBy");
		if (lastAttempt) {
			update.set("status", "FAILED");
		}
		else {
			update.set("status", "QUEUED").set("nextAttemptAt", Date.from(nextAttemptAt));
		}
		transition(id, instance, update);
	}

	private void transition(String id, String instance, Update update) {
		metrics.record(Store.MONGO, "notification.update", () -> {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is("SENDING")
				.and("claimedBy").is(instance)), update, COLLECTION);
		});
	}

	private static Notification map(Document document) {
		Document facts = document.get("facts", Document.class);
		return new Notification(document.getString("_id"), document.getString("userId"),
				NotificationKind.valueOf(document.getString("kind")),
				facts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(facts),
				document.get("createdAt", Date.class).toInstant());
	}
}
