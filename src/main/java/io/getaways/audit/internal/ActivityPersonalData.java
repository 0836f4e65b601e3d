package io.getaways.audit.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.PersonalData;
import io.getaways.platform.PersonalDataErased;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The activity stream (sign-ins, searches, views) in MongoDB: exported as recorded,
 * deleted once the erasure in PostgreSQL has committed. The audit log is not part of it:
 * it is the record of who changed what, kept as the law on records requires and readable
 * only by auditors (docs/security.md).
 */
@Component
@Order(50)
class ActivityPersonalData implements PersonalData {

	private final ActivityStore store;

	ActivityPersonalData(ActivityStore store) {
		this.store = store;
	}

	@Override
	public String section() {
		return "activity";
	}

	@Override
	public Object export(UUID userId) {
		return store.all(userId.toString()).stream().map(ActivityPersonalData::view).toList();
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
		Map<String, Object> event = new LinkedHashMap<>();
		document.forEach((name, value) -> {
			if (!name.equals("_id") && !name.equals("userId")) {
				event.put(name, value instanceof Date date ? date.toInstant() : value);
			}
		});
		return event;
	}

}
