package io.getaways.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.getaways.catalog.StayContent;
import io.getaways.platform.StoreMetrics;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Stay content documents in MongoDB collection {@code stay_content}, keyed by stay code. */
@Component
class StayContentStore extends ContentDocuments<StayContent> {

	static final String COLLECTION = "stay_content";

	StayContentStore(MongoTemplate mongo, StoreMetrics metrics) {
		super(mongo, metrics, COLLECTION, "stay-content",
				Set.of("description", "image", "images", "amenities", "keywords"));
	}

	@Override
	long version(StayContent content) {
		return content.version();
	}

	@Override
	Map<String, Object> namedFields(StayContent content) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("description", content.description());
		fields.put("image", content.image());
		fields.put("images", content.images());
		fields.put("amenities", content.amenities());
		fields.put("keywords", content.keywords());
		return fields;
	}

	@Override
	Map<String, Object> attributes(StayContent content) {
		return content.attributes();
	}

	@Override
	StayContent fromDocument(Document document, long version, Map<String, Object> attributes) {
		return new StayContent(version, document.getString("description"), document.getString("image"),
				strings(document, "images"), strings(document, "amenities"), strings(document, "keywords"),
				attributes);
	}
}
