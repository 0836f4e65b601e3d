package io.getaways.audit.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.getaways.audit.ActivityKind;
import io.getaways.audit.internal.ActivityQueue.ActivityEvent;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Activity events in MongoDB collection {@code activity_events}: one document per event,
 * read per user newest first. Expiry has two mechanisms: a TTL index on {@code at} where
 * the server supports it, and {@link #deleteOlderThan}, which the purge job runs
 * everywhere, the embedded server included.
 */
@Component
class ActivityStore {

	static final String COLLECTION = "activity_events";

	private static final Logger log = LoggerFactory.getLogger(ActivityStore.class);

	private final MongoTemplate mongo;

	private final StoreMetrics metrics;

	private final ActivitySettings settings;

	private volatile boolean indexed;

	ActivityStore(MongoTemplate mongo, StoreMetrics metrics, ActivitySettings settings) {
		this.mongo = mongo;
		this.metrics = metrics;
		this.settings = settings;
	}

	void insert(List<ActivityEvent> events) {
		ensureIndexes();
		List<Document> documents = events.stream().map(ActivityStore::toDocument).toList();
		metrics.record(Store.MONGO, "activity.insert", () -> {
			mongo.insert(documents, COLLECTION);
		});
	}

	List<Document> page(String userId, ActivityKind kind, int page, int size) {
		Criteria criteria = Criteria.where("userId").is(userId);
		if (kind != null) {
			criteria = criteria.and("kind").is(kind.name());
		}
		Query query = Query.query(criteria)
			.with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "_id")))
			.skip((long) page * size)
			.limit(size + 1);
		return metrics.record(Store.MONGO, "activity.page", () -> mongo.find(query, Document.class, COLLECTION));
	}

	/** Everything recorded of one user, oldest first. */
	List<Document> all(String userId) {
		Query query = Query.query(Criteria.where("userId").is(userId)).with(Sort.by(Sort.Direction.ASC, "at"));
		return metrics.record(Store.MONGO, "activity.all", () -> mongo.find(query, Document.class, COLLECTION));
	}

	long deleteAll(String userId) {
		return metrics.record(Store.MONGO, "activity.erase",
				() -> mongo.remove(Query.query(Criteria.where("userId").is(userId)), COLLECTION).getDeletedCount());
	}

	long deleteOlderThan(Instant cutoff) {
		return metrics.record(Store.MONGO, "activity.purge",
				() -> mongo.remove(Query.query(Criteria.where("at").lt(Date.from(cutoff))), COLLECTION)
					.getDeletedCount());
	}

	private void ensureIndexes() {
		if (indexed) {
			return;
		}
		var indexes = mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index().on("userId", Sort.Direction.ASC)
			.on("at", Sort.Direction.DESC)
			.named("activity_by_user_idx"));
		try {
			indexes.createIndex(new Index().on("at", Sort.Direction.ASC)
				.expire(settings.retention().toSeconds(), TimeUnit.SECONDS)
				.named("activity_expiry_idx"));
		}
		catch (DataAccessException unsupported) {
			// the purge job expires events on servers without TTL indexes, or where an
			// older TTL is in place
			log.info("Activity: no TTL index on {} ({}); the purge job expires events", COLLECTION,
					unsupported.getMessage());
		}
		indexed = true;
	}

	private static Document toDocument(ActivityEvent event) {
		Document document = new Document("kind", event.kind().name()).append("at", Date.from(event.at()))
			.append("details", new Document(event.details()));
		if (event.userId() != null) {
			document.append("userId", event.userId());
		}
		return document;
	}

}
