package io.getaways.catalog.internal.content;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Versioned content documents of one MongoDB collection, keyed by trip or stay code. A
 * write replaces the whole document, and only if its version is newer than the stored
 * one, so a replayed or late event can never roll content back. The named fields are
 * those of {@link ContentFields}; fields editors add travel as attributes.
 */
public final class ContentDocuments<C> {

	private static final Set<String> ALWAYS_NAMED = Set.of("_id", "code", "version", "updatedAt");

	private final MongoTemplate mongo;

	private final StoreMetrics metrics;

	private final String collection;

	private final String operationPrefix;

	private final String ownList;

	private final Set<String> named;

	private final ContentFields.Constructor<C> constructor;

	private final Function<C, ContentFields> fields;

	ContentDocuments(MongoTemplate mongo, StoreMetrics metrics, ContentKind kind,
			ContentFields.Constructor<C> constructor, Function<C, ContentFields> fields) {
		this.mongo = mongo;
		this.metrics = metrics;
		this.collection = kind.collection();
		this.operationPrefix = kind.operationPrefix();
		this.ownList = kind.ownList();
		this.named = new HashSet<>(Set.of("description", "image", "images", ownList, "keywords"));
		this.named.addAll(ALWAYS_NAMED);
		this.constructor = constructor;
		this.fields = fields;
	}

	public Optional<C> find(String code) {
		return metrics.record(Store.MONGO, operationPrefix + ".find",
				() -> Optional.ofNullable(mongo.findById(code, Document.class, collection)).map(this::map));
	}

	public Map<String, C> findAll(Collection<String> codes) {
		return metrics.record(Store.MONGO, operationPrefix + ".find-many", () -> {
			Map<String, C> byCode = new HashMap<>();
			mongo.find(Query.query(Criteria.where("_id").in(codes)), Document.class, collection)
				.forEach(document -> byCode.put(document.getString("_id"), map(document)));
			return byCode;
		});
	}

	/**
	 * Code to version of every document, or of those with the given codes; for
	 * reconciliation.
	 */
	public Map<String, Long> versions(Collection<String> codes) {
		return metrics.record(Store.MONGO, operationPrefix + ".versions", () -> {
			Query query = codes == null ? new Query() : Query.query(Criteria.where("_id").in(codes));
			query.fields().include("version");
			Map<String, Long> versions = new HashMap<>();
			mongo.find(query, Document.class, collection).forEach(document -> {
				Number version = document.get("version", Number.class);
				versions.put(document.getString("_id"), version == null ? 0 : version.longValue());
			});
			return versions;
		});
	}

	/** Removes the document if it still has the version seen; returns whether it did. */
	public boolean removeIfVersion(String code, long version) {
		return metrics.record(Store.MONGO, operationPrefix + ".remove",
				() -> mongo.remove(Query.query(Criteria.where("_id").is(code).and("version").is(version)), collection)
					.getDeletedCount() > 0);
	}

	/** Stores the content if its version is newer; returns whether it did. */
	public boolean upsertIfNewer(String code, C content) {
		return metrics.record(Store.MONGO, operationPrefix + ".upsert", () -> {
			ContentFields stored = fields.apply(content);
			Query olderOrAbsent = Query.query(Criteria.where("_id").is(code).and("version").lt(stored.version()));
			Document document = toDocument(code, stored);
			try {
				if (mongo.replace(olderOrAbsent, document, collection).getMatchedCount() > 0) {
					return true;
				}
				if (mongo.exists(Query.query(Criteria.where("_id").is(code)), collection)) {
					return false;
				}
				mongo.insert(document, collection);
				return true;
			}
			catch (DuplicateKeyException concurrentInsert) {
				// another writer inserted first; its version decides, as for any existing
				// document
				return mongo.replace(olderOrAbsent, document, collection).getMatchedCount() > 0;
			}
		});
	}

	private Document toDocument(String code, ContentFields content) {
		Document document = new Document("_id", code);
		content.attributes().forEach((key, value) -> {
			if (!named.contains(key)) {
				document.append(key, value);
			}
		});
		return document.append("code", code)
			.append("version", content.version())
			.append("description", content.description())
			.append("image", content.image())
			.append("images", content.images())
			.append(ownList, content.ownList())
			.append("keywords", content.keywords());
	}

	private C map(Document document) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		document.forEach((key, value) -> {
			if (!named.contains(key) && value != null) {
				attributes.put(key, value);
			}
		});
		Number version = document.get("version", Number.class);
		return constructor.create(version == null ? 0 : version.longValue(), document.getString("description"),
				document.getString("image"), strings(document, "images"), strings(document, ownList),
				strings(document, "keywords"), attributes);
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Document document, String field) {
		return (List<String>) document.get(field);
	}

}
