package io.getaways.identity.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per user in MongoDB collection {@code user_preferences}, keyed by user id.
 */
@Component
class PreferencesStore {

	static final String COLLECTION = "user_preferences";

	private final MongoTemplate mongo;

	private final StoreMetrics metrics;

	PreferencesStore(MongoTemplate mongo, StoreMetrics metrics) {
		this.mongo = mongo;
		this.metrics = metrics;
	}

	Map<String, Object> find(UUID userId) {
		return metrics.record(Store.MONGO, "preferences.find", () -> {
			Document stored = mongo.findById(userId.toString(), Document.class, COLLECTION);
			Document preferences = stored == null ? null : stored.get("preferences", Document.class);
			return preferences == null ? Map.<String, Object>of() : new LinkedHashMap<>(preferences);
		});
	}

	void replace(UUID userId, Map<String, Object> preferences) {
		metrics.record(Store.MONGO, "preferences.replace", () -> {
			mongo.upsert(Query.query(Criteria.where("_id").is(userId.toString())),
					new Update().set("preferences", new Document(preferences)).set("updatedAt", new Date()),
					COLLECTION);
		});
	}

	/** Removes the user's document; returns whether there was one. */
	boolean delete(UUID userId) {
		return metrics.record(Store.MONGO, "preferences.delete",
				() -> mongo.remove(Query.query(Criteria.where("_id").is(userId.toString())), COLLECTION)
					.getDeletedCount() > 0);
	}

}
