package io.getaways.imports.internal;

import java.util.List;
import java.util.Map;

/**
 * One kind of thing an import creates, through its owning module's API: how a mapped row
 * becomes a checked value, what its natural key is, whether the target holds it already,
 * and how it is written.
 */
interface ImportTarget<R> {

	/** The checked row; throws {@link RowRejectedException} naming the field. */
	R row(Map<String, Object> fields);

	/**
	 * Rejects a row that refers to something neither the target holds nor an earlier
	 * entity of this run accepted, so a dry run finds what the real run would.
	 */
	default void checkReferences(R row, KnownKeys known) {
	}

	/** Keys accepted so far in this run, per target entity. */
	interface KnownKeys {

		boolean has(String target, String key);

	}

	/** The natural key, normalised as the target compares it. */
	String key(R row);

	boolean exists(R row);

	/** Writes the row in one transaction through the owning module's API. */
	void insert(R row);

	/** The row's content as the checksum covers it; never a secret. */
	String canonical(R row);

	/**
	 * The target's rows of these rows' keys, read back in {@link #canonical}'s form, one
	 * per row in order (null where the target holds no row of that key); null when this
	 * target is not read back.
	 */
	default List<String> readBack(List<R> rows) {
		return null;
	}

	/** Whether {@link #readBack} reads the target. */
	default boolean readsBack() {
		return false;
	}

	/** The canonical form's separator; null (a row the target lacks) stays null. */
	static String joined(String... fields) {
		return fields == null ? null : String.join("|", fields);
	}

	static String text(Map<String, Object> fields, String field, int max, boolean required) {
		Object value = fields.get(field);
		String text = value == null ? null : String.valueOf(value).trim();
		if (text == null || text.isEmpty()) {
			if (required) {
				throw new RowRejectedException(field, "is missing");
			}
			return null;
		}
		if (text.length() > max) {
			throw new RowRejectedException(field, "is longer than " + max + " characters");
		}
		return text;
	}

}
