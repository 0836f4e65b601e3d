package io.getaways.catalog.internal.admin;

import java.util.LinkedHashMap;
import java.util.Map;

final class Attributes {

	private Attributes() {
	}

	/**
	 * A null attribute is no attribute: the document would not keep it, and immutable
	 * maps refuse it.
	 */
	static Map<String, Object> withoutNulls(Map<String, Object> attributes) {
		Map<String, Object> kept = new LinkedHashMap<>();
		if (attributes != null) {
			attributes.forEach((key, value) -> {
				if (value != null) {
					kept.put(key, value);
				}
			});
		}
		return kept;
	}

}
