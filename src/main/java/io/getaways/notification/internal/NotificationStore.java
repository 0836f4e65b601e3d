package io.getaways.notification.internal;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Optional;

import io.getaways.notification.Notification;
import io.getaways.notification.NotificationKind;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
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

	/** Takes the oldest due notification for this instance, or an abandoned claim; empty when none is due. */
	Optional<Notification> claim(String instance, Instant now, Instant abandonedBefore) {
		Criteria due = new Criteria().orOperator(
				Criteria.where("status").is("QUEUED").and("nextAttemptAt").lte(Date.from(now)),
				Criteria.where("status").is("SENDING").and("claimedAt").lt(Date.from(abandonedBefore)));
		Update claim = new Update().set("status", "SENDING").set("claimedBy", instance).set("claimedAt", Date.from(now))
			.inc("attempts", 1);
		return Optional.ofNullable(metrics.record(Store.MONGO, "notification.claim",
				() -> mongo.findAndModify(Query.query(due).with(Sort.by("nextAttemptAt")), claim,
						FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)))
			.map(NotificationStore::map);
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

	int attempts(String id) {
		Document document = mongo.findById(id, Document.class, COLLECTION);
		return document == null ? 0 : document.getInteger("attempts", 0);
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
