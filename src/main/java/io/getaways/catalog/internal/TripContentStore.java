package io.getaways.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.getaways.catalog.TripContent;
import io.getaways.platform.StoreMetrics;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Trip content documents in MongoDB collection {@code trip_content}, keyed by trip code. */
@Component
class TripContentStore extends ContentDocuments<TripContent> {

	static final String COLLECTION = "trip_content";

	TripContentStore(MongoTemplate mongo, StoreMetrics metrics) {
		super(mongo, metrics, COLLECTION, "content",
				Set.of("description", "image", "images", "highlights", "keywords"));
	}

	@Override
	long version(TripContent content) {
		return content.version();
	}

	@Override
	Map<String, Object> namedFields(TripContent content) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("description", content.description());
		fields.put("image", content.image());
		fields.put("images", content.images());
		fields.put("highlights", content.highlights());
		fields.put("keywords", content.keywords());
		return fields;
	}

	@Override
	Map<String, Object> attributes(TripContent content) {
		return content.attributes();
	}

	@Override
	TripContent fromDocument(Document document, long version, Map<String, Object> attributes) {
		return new TripContent(version, document.getString("description"), document.getString("image"),
				strings(document, "images"), strings(document, "highlights"), strings(document, "keywords"),
				attributes);
	}
}
