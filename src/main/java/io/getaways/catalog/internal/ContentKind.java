package io.getaways.catalog.internal;

import io.getaways.catalog.StayContentChanged;
import io.getaways.catalog.TripContentChanged;

/** The two kinds of catalog content: a PostgreSQL row and a MongoDB document per code, kept apart by the outbox. */
enum ContentKind {

	TRIP("trip", TripContentChanged.class), STAY("stay", StayContentChanged.class);

	private final String label;
	private final Class<?> eventType;

	ContentKind(String label, Class<?> eventType) {
		this.label = label;
		this.eventType = eventType;
	}

	String label() {
		return label;
	}

	/** The event that carries this kind's content to MongoDB. */
	Class<?> eventType() {
		return eventType;
	}
}
