package io.getaways.audit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import io.getaways.audit.ActivityKind;

/** One activity event as the activity page prints it: what, when, and its details. */
public record ActivityLine(String what, Instant at, String details) {

	static ActivityLine of(ActivityKind kind, Instant at, Map<String, Object> details) {
		String what = switch (kind) {
			case VIEW -> "Viewed";
			case SEARCH -> "Searched";
			case SIGN_IN -> "Signed in";
			case BOOKING -> "Booking";
		};
		String facts = details.entrySet()
			.stream()
			.filter(entry -> entry.getValue() != null && !String.valueOf(entry.getValue()).isBlank())
			.map(entry -> entry.getKey() + ": " + entry.getValue())
			.collect(Collectors.joining(", "));
		return new ActivityLine(what, at, facts);
	}

}
