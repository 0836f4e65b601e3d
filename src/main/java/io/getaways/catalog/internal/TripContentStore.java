package io.getaways.catalog.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.getaways.catalog.TripContent;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Trip content documents in MongoDB collection {@code trip_content}, keyed by trip code. Writes apply a version only if
 * it is newer than the stored one, so a replayed or late event can never roll content back.
 */
@Component
class TripContentStore {

	static final String COLLECTION = "trip_content";

	private static final Set<String> NAMED = Set.of("_id", "code", "version", "description", "image", "images",
			"highlights", "keywords", "updatedAt");

	private final MongoTemplate mongo;
	private final StoreMetrics metrics;

	TripContentStore(MongoTemplate mongo, StoreMetrics metrics) {
		this.mongo = mongo;
		this.metrics = metrics;
	}

	Optional<TripContent> find(String code) {
		return metrics.record(Store.MONGO, "content.find",
				() -> Optional.ofNullable(mongo.findById(code, Document.class, COLLECTION)).map(TripContentStore::map));
	}

	Map<String, TripContent> findAll(Collection<String> codes) {
		return metrics.record(Store.MONGO, "content.find-many", () -> {
			Map<String, TripContent> byCode = new HashMap<>();
			mongo.find(Query.query(Criteria.where("_id").in(codes)), Document.class, COLLECTION)
				.forEach(document -> byCode.put(document.getString("_id"), map(document)));
			return byCode;
		});
	}

	/** Stores the content if its version is newer; returns whether it did. */
	boolean upsertIfNewer(String code, TripContent content) {
		return metrics.record(Store.MONGO, "content.upsert", () -> {
			Query olderOrAbsent = Query.query(Criteria.where("_id").is(code).and("version").lt(content.version()));
			Update update = new Update();
			toDocument(code, content).forEach(update::set);
			try {
				if (mongo.updateFirst(olderOrAbsent, update, COLLECTION).getModifiedCount() > 0) {
					return true;
				}
				if (mongo.exists(Query.query(Criteria.where("_id").is(code)), COLLECTION)) {
					return false;
				}
				mongo.insert(new Document(toDocument(code, content)).append("_id", code), COLLECTION);
				return true;
			}
			catch (DuplicateKeyException concurrentInsert) {
				// another writer inserted first; its version decides, as for any existing document
				return mongo.updateFirst(olderOrAbsent, update, COLLECTION).getModifiedCount() > 0;
			}
		});
	}

	private static Map<String, Object> toDocument(String code, TripContent content) {
		Map<String, Object> fields = new LinkedHashMap<>(content.attributes());
		fields.put("code", code);
		fields.put("version", content.version());
		fields.put("description", content.description());
		fields.put("image", content.image());
		fields.put("images", content.images());
		fields.put("highlights", content.highlights());
		fields.put("keywords", content.keywords());
		return fields;
	}

	@SuppressWarnings("unchecked")
	private static TripContent map(Document document) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		document.forEach((key, value) -> {
			if (!NAMED.contains(key) && value != null) {
				attributes.put(key, value);
			}
		});
		Number version = document.get("version", Number.class);
		return new TripContent(version == null ? 0 : version.longValue(), document.getString("description"),
				document.getString("image"), (List<String>) document.get("images"),
				(List<String>) document.get("highlights"), (List<String>) document.get("keywords"), attributes);
	}
}
