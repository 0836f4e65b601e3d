package io.getaways.notification.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.PersonalData;
import io.getaways.platform.PersonalDataErased;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The notifications sent or queued for a traveller, kept in MongoDB: exported as they
 * are, deleted once the erasure in PostgreSQL has committed.
 */
@Component
@Order(40)
class NotificationPersonalData implements PersonalData {

	private final NotificationStore store;

	NotificationPersonalData(NotificationStore store) {
		this.store = store;
	}

	@Override
	public String section() {
		return "notifications";
	}

	@Override
	public Object export(UUID userId) {
		return store.all(userId.toString()).stream().map(NotificationPersonalData::view).toList();
	}

	@Override
	public int erase(UUID userId) {
		return 0;
	}

	@ApplicationModuleListener
	void on(PersonalDataErased erased) {
		store.deleteAll(erased.userId().toString());
	}

	private static Map<String, Object> view(Document document) {
		Map<String, Object> notification = new LinkedHashMap<>();
		notification.put("id", document.get("_id"));
		notification.put("kind", document.getString("kind"));
		notification.put("facts", document.get("facts", Document.class));
		notification.put("createdAt",
				document.getDate("createdAt") == null ? null : document.getDate("createdAt").toInstant());
		notification.put("status", document.getString("status"));
		return notification;
	}

}
