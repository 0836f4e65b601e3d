package io.getaways.imports.internal;

import java.util.Map;
import java.util.Set;

/**
 * A source whose process dies after some rows of one table, as a killed import does:
 * every later read throws.
 */
final class DyingSource implements ImportSource {

	private final ImportSource source;

	private final String dyingTable;

	private final int rowsBeforeDeath;

	DyingSource(ImportSource source, String dyingTable, int rowsBeforeDeath) {
		this.source = source;
		this.dyingTable = dyingTable;
		this.rowsBeforeDeath = rowsBeforeDeath;
	}

	@Override
	public String description() {
		return source.description();
	}

	@Override
	public long count(String table) {
		return source.count(table);
	}

	@Override
	public Set<String> repeatedKeys(String table, String column) {
		return source.repeatedKeys(table, column);
	}

	@Override
	public Cursor read(String table, long skip) {
		Cursor cursor = source.read(table, skip);
		if (!table.equals(dyingTable)) {
			return cursor;
		}
		return new Cursor() {

			private int read;

			@Override
			public boolean hasNext() {
				return cursor.hasNext();
			}

			@Override
			public Map<String, Object> next() {
				if (++read > rowsBeforeDeath) {
					throw new IllegalStateException("killed");
				}
				return cursor.next();
			}

			@Override
			public void close() {
				cursor.close();
			}
		};
	}

	@Override
	public void close() {
		source.close();
	}

}
