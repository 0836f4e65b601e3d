package io.getaways.imports.internal;

import java.util.Map;

/**
 * A source whose process dies after some rows of its second entity, as a killed import
 * does: every later read throws.
 */
final class DyingSource implements ImportSource {

	private final ImportSource source;

	private final int rowsOfTripsBeforeDeath;

	DyingSource(ImportSource source, int rowsBeforeDeath) {
		this.source = source;
		this.rowsOfTripsBeforeDeath = rowsBeforeDeath;
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
	public Cursor read(String table, long skip) {
		Cursor cursor = source.read(table, skip);
		if (!table.equals("trips")) {
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
				if (++read > rowsOfTripsBeforeDeath) {
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
