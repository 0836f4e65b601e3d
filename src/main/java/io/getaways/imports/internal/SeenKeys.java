package io.getaways.imports.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The keys of one entity an import has accepted so far, kept only where they are needed,
 * so that memory does not grow with the source: the keys the source holds more than once
 * (the source names them before the run: {@link ImportSource#repeatedKeys}), to reject
 * the later rows; and, in a dry run, every accepted key, because later entities' rows may
 * refer to rows a dry run never wrote. A real run finds those in the target.
 */
final class SeenKeys {

	private final Set<String> repeated;

	private final boolean keepAll;

	private final Set<String> kept = new HashSet<>();

	SeenKeys(Set<String> repeated, boolean keepAll) {
		this.repeated = repeated;
		this.keepAll = keepAll;
	}

	/** False when the key was accepted before: the row repeats a key of the source. */
	boolean add(String key) {
		if (keepAll || repeated.contains(key.toUpperCase(Locale.ROOT))) {
			return kept.add(key);
		}
		return true;
	}

	/** A row rejected after all: its key is free for a later row. */
	void remove(String key) {
		kept.remove(key);
	}

	/** Whether a dry run accepted this key (a real run answers false: ask the target). */
	boolean has(String key) {
		return keepAll && kept.contains(key);
	}

}
