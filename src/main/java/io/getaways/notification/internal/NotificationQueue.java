package io.getaways.notification.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When each unfinished notification is next due, in a collection of its own
 * ({@code notification_queue}) that holds only those: the notifier's one query per round
 * reads this short list instead of every notification ever sent. The embedded MongoDB
 * server runs such a query by reading the whole collection while it holds the
 * collection's lock, so a long history would stall every write there. An entry is only a
 * hint: the notification document decides, and an entry whose notification is finished or
 * missing is removed when it comes up.
 */
@Component
class NotificationQueue {

	static final String COLLECTION = "notification_queue";

	private final MongoTemplate mongo;

	private final StoreMetrics metrics;

	NotificationQueue(MongoTemplate mongo, StoreMetrics metrics) {
		this.mongo = mongo;
		this.metrics = metrics;
	}

	/**
	 * Adds the entry unless there is one: queueing the same notification again keeps its
	 * place. An insert the unique {@code _id} refuses, rather than an upsert, which would
	 * look the id up before inserting.
	 */
	void addIfAbsent(String id, Instant dueAt) {
		metrics.record(Store.MONGO, "notification.queue.add", () -> {
			try {
				mongo.insert(new Document("_id", id).append("dueAt", Date.from(dueAt)), COLLECTION);
			}
			catch (DuplicateKeyException queuedBefore) {
				// keeps its place
			}
		});
	}

	void dueAt(String id, Instant dueAt) {
		metrics.record(Store.MONGO, "notification.queue.update", () -> {
			mongo.upsert(byId(id), new Update().set("dueAt", Date.from(dueAt)), COLLECTION);
		});
	}

	void remove(String id) {
		metrics.record(Store.MONGO, "notification.queue.remove", () -> {
			mongo.remove(byId(id), COLLECTION);
		});
	}

	/** Up to {@code limit} ids due by {@code now}, the longest due first. */
	List<String> due(Instant now, int limit) {
		Query query = Query.query(Criteria.where("dueAt").lte(Date.from(now))).with(Sort.by("dueAt")).limit(limit);
		return metrics.record(Store.MONGO, "notification.due",
				() -> mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList());
	}

	/**
	 * Gives every unfinished notification an entry, for documents queued before this
	 * collection existed: one pass over the notifications when the notifier first runs.
	 */
	int addUnfinished() {
		Query unfinished = Query.query(Criteria.where("status").in("QUEUED", "SENDING"));
		unfinished.fields().include("_id").include("nextAttemptAt").include("claimedAt");
		List<Document> documents = mongo.find(unfinished, Document.class, NotificationStore.COLLECTION);
		for (Document document : documents) {
			Date due = document.getDate("nextAttemptAt");
			addIfAbsent(document.getString("_id"), due == null ? Instant.EPOCH : due.toInstant());
		}
		return documents.size();
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

}
