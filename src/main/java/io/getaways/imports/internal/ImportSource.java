package io.getaways.imports.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an import reads: tables of a database or collections of MongoDB, each read in a
 * stable order so that a row's position survives a restart of the import.
 */
interface ImportSource extends AutoCloseable {

	/**
	 * Table, collection and column names a mapping may give; anything else is refused.
	 */
	Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");

	/** What the operator named, with any password masked; recorded in the audit log. */
	String description();

	long count(String table);

	/**
	 * The values of {@code column} that occur more than once in {@code table},
	 * upper-cased and trimmed: the source counts them, so the import need remember only
	 * the rows holding one of these.
	 */
	Set<String> repeatedKeys(String table, String column);

	/** The table's rows in a stable order, starting after the first {@code skip}. */
	Cursor read(String table, long skip);

	@Override
	void close();

	/**
	 * Rows of one table as column-to-value maps; closing it frees the source's cursor.
	 */
	interface Cursor extends Iterator<Map<String, Object>>, AutoCloseable {

		@Override
		void close();

	}

	/** A text value that is not valid UTF-8; its row is rejected. */
	record InvalidText(String column) {
	}

	static String checkName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new ImportMapping.MappingException(
					"'" + name + "' is not a table, collection or column name (letters, digits, _)");
		}
		return name;
	}

}
