package io.getaways.imports.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * A source row as the target's fields, through the mapping's columns, conversions and
 * defaults.
 */
final class RowMapper {

	private RowMapper() {
	}

	static Map<String, Object> map(ImportMapping.EntityMapping entity, Map<String, Object> raw) {
		Map<String, Object> fields = new HashMap<>();
		entity.fields().forEach((field, spec) -> {
			Object value = spec.from() == null ? null : raw.get(spec.from());
			if (value instanceof ImportSource.InvalidText invalid) {
				throw new RowRejectedException(field, "column " + invalid.column() + " is not valid UTF-8");
			}
			if (value == null || (value instanceof String text && text.isBlank())) {
				value = spec.defaultValue();
			}
			if (value != null) {
				fields.put(field, Conversions.convert(field, value, spec));
			}
		});
		return fields;
	}

	/**
	 * The source's own key of a row, for the rejects file when the row does not convert.
	 */
	static String rawKey(ImportMapping.EntityMapping entity, Map<String, Object> raw) {
		Object key = raw.get(entity.key());
		return key == null || key instanceof ImportSource.InvalidText ? null : String.valueOf(key).trim();
	}

}
