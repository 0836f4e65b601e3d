package io.getaways.notification.internal;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * A user's notifications as an inbox: newest first, read or not. Marking one read sets
 * {@code readAt} only, never the revision the notifier's claims are conditional on, so
 * reading never disturbs a delivery. Nobody reads or marks another's notification. Each
 * query is on exactly one index's keys ({@code userId}, or {@code _id}): the embedded
 * server answers any other query by reading the whole collection under its lock.
 */
@Component
class NotificationInbox {

	static final int MAX_ITEMS = 100;

	private final MongoTemplate mongo;

	private final StoreMetrics metrics;

	private volatile boolean indexed;

	NotificationInbox(MongoTemplate mongo, StoreMetrics metrics) {
		this.mongo = mongo;
		this.metrics = metrics;
	}

	List<InboxItem> newestFirst(String userId, int limit) {
		ensureIndex();
		Query query = Query.query(Criteria.where("userId").is(userId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(Math.max(1, Math.min(limit, MAX_ITEMS)));
		return metrics
			.record(Store.MONGO, "notification.inbox",
					() -> mongo.find(query, Document.class, NotificationStore.COLLECTION))
			.stream()
			.map(NotificationInbox::item)
			.toList();
	}

	/** The item, read from now on if it was not; empty when it is not the user's. */
	Optional<InboxItem> markRead(String userId, String id) {
		Document found = metrics.record(Store.MONGO, "notification.inbox-item",
				() -> mongo.findById(id, Document.class, NotificationStore.COLLECTION));
		if (found == null || !userId.equals(found.getString("userId"))) {
			return Optional.empty();
		}
		if (found.get("readAt") == null) {
			// marking twice at once writes two close times of the same reader: harmless
			Date now = new Date();
			metrics.record(Store.MONGO, "notification.read-mark",
					() -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("readAt", now),
							NotificationStore.COLLECTION));
			found.put("readAt", now);
		}
		return Optional.of(item(found));
	}

	private void ensureIndex() {
		if (!indexed) {
			mongo.indexOps(NotificationStore.COLLECTION)
				.createIndex(new Index().on("userId", Sort.Direction.ASC).named("notifications_by_user_idx"));
			indexed = true;
		}
	}

	private static InboxItem item(Document document) {
		Document facts = document.get("facts", Document.class);
		Map<String, Object> known = facts == null ? Map.of() : facts;
		Date readAt = document.get("readAt", Date.class);
		return InboxItem.of(document.getString("_id"), document.getString("kind"),
				message(document.getString("kind"), known), (String) known.get("bookingId"),
				document.get("createdAt", Date.class).toInstant(), readAt == null ? null : readAt.toInstant());
	}

	static String message(String kind, Map<String, Object> facts) {
		String subject = facts.get("tripCode") != null ? "trip " + facts.get("tripCode")
				: facts.get("stayCode") != null ? "stay " + facts.get("stayCode") : "your trip";
		String currency = facts.get("currency") == null ? "" : facts.get("currency") + " ";
		if (NotificationKind.BOOKING_CONFIRMED.name().equals(kind)) {
			return "Your booking of " + subject + " is confirmed"
					+ (facts.get("amount") == null ? "." : ": " + currency + facts.get("amount") + " paid.");
		}
		if (NotificationKind.BOOKING_CANCELLED.name().equals(kind)) {
			Object refund = facts.get("refundAmount");
			return "Your booking of " + subject + " is cancelled"
					+ (refund == null ? "." : ": " + currency + refund + " will be refunded.");
		}
		return "A message about " + subject + ".";
	}

}
