package io.getaways.catalog.internal;

import io.getaways.catalog.StayContentChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Projects stay content into MongoDB after commit, through the outbox; a replayed or late event is harmless because
 * content is applied only if its version is newer. Stays are not cached yet, so nothing is evicted.
 */
@Component
class StayEventListeners {

	private final StayContentStore contents;

	StayEventListeners(StayContentStore contents) {
		this.contents = contents;
	}

	@ApplicationModuleListener
	void projectContent(StayContentChanged event) {
		contents.upsertIfNewer(event.code(), event.content());
	}
}
