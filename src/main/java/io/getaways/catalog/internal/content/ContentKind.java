package io.getaways.catalog.internal.content;

import io.getaways.catalog.StayContentChanged;
import io.getaways.catalog.TripContentChanged;

/**
 * The two kinds of catalog content: a PostgreSQL row and a MongoDB document per code,
 * kept apart by the outbox.
 */
public enum ContentKind {

	// the metric operation names stay those dashboards know: trips' carry no kind, as
	// they came first
	TRIP("trip", TripContentChanged.class, "trip_content", "content", "highlights"),
	STAY("stay", StayContentChanged.class, "stay_content", "stay-content", "amenities");

	private final String label;

	private final Class<?> eventType;

	private final String collection;

	private final String operationPrefix;

	private final String ownList;

	ContentKind(String label, Class<?> eventType, String collection, String operationPrefix, String ownList) {
		this.label = label;
		this.eventType = eventType;
		this.collection = collection;
		this.operationPrefix = operationPrefix;
		this.ownList = ownList;
	}

	public String label() {
		return label;
	}

	/** The kind as a message names it: {@code Trip}, {@code Stay}. */
	public String title() {
		return Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	/** The event that carries this kind's content to MongoDB. */
	public Class<?> eventType() {
		return eventType;
	}

	/** The MongoDB collection of this kind's content documents, keyed by code. */
	String collection() {
		return collection;
	}

	/** How the MongoDB operations on this kind's documents are named in store metrics. */
	String operationPrefix() {
		return operationPrefix;
	}

	/** The one list field of the content that only this kind has. */
	String ownList() {
		return ownList;
	}

}
