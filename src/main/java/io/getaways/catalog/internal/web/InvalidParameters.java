package io.getaways.catalog.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.getaways.platform.DomainException;

/**
 * Parameters that are well-formed alone but wrong together, all named in one answer, in
 * the same problem shape as every other 400: {@code errors[].parameter} and
 * {@code errors[].message}.
 */
public final class InvalidParameters {

	private final Map<String, String> errors = new LinkedHashMap<>();

	/** Records the first reason given for each parameter. */
	public InvalidParameters reject(boolean wrong, String parameter, String reason) {
		if (wrong) {
			errors.putIfAbsent(parameter, reason);
		}
		return this;
	}

	public void throwIfAny() {
		if (!errors.isEmpty()) {
			throw new Rejected(errors);
		}
	}

	static final class Rejected extends DomainException {

		private final List<Map<String, String>> errors = new ArrayList<>();

		Rejected(Map<String, String> byParameter) {
			super(Kind.INVALID, "Invalid request: " + String.join("; ",
					byParameter.entrySet().stream().map(e -> "'" + e.getKey() + "' " + e.getValue()).toList()));
			byParameter.forEach((parameter, message) -> errors.add(Map.of("parameter", parameter, "message", message)));
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("errors", errors);
		}

	}

}
