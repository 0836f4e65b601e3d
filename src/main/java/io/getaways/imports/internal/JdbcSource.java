package io.getaways.imports.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A SQLite file or a MySQL/MariaDB database read over JDBC. SQLite tables are read in
 * {@code rowid} order, views and MySQL tables in the order of the mapping's key column.
 * SQLite text is decoded strictly, so invalid UTF-8 rejects its row instead of arriving
 * as replacement characters.
 */
final class JdbcSource implements ImportSource {

	private final Connection connection;

	private final String description;

	private final boolean sqlite;

	private final Map<String, String> orderBy;

	private JdbcSource(Connection connection, String description, boolean sqlite, Map<String, String> orderBy) {
		this.connection = connection;
		this.description = description;
		this.sqlite = sqlite;
		this.orderBy = orderBy;
	}

	static JdbcSource sqlite(java.nio.file.Path file, ImportMapping mapping) {
		if (!java.nio.file.Files.isReadable(file)) {
			throw new ImportMapping.MappingException("SQLite file " + file + " does not exist or cannot be read");
		}
		return open("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro", "sqlite:" + file.toAbsolutePath(), true,
				mapping);
	}

	/**
	 * {@code jdbc:mysql:} and {@code jdbc:mariadb:} URLs, both through MariaDB
	 * Connector/J.
	 */
	static JdbcSource mysql(String url, ImportMapping mapping) {
		String driverUrl = url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length())
				: url;
		return open(driverUrl, "mysql:" + SourceUrls.mask(url), false, mapping);
	}

	private static JdbcSource open(String url, String description, boolean sqlite, ImportMapping mapping) {
		Map<String, String> orderBy = new LinkedHashMap<>();
		try {
			Connection connection;
			if (sqlite) {
				// SQLITE_OPEN_READONLY: the file is never changed, not even its journal
				java.util.Properties readOnly = new java.util.Properties();
				readOnly.setProperty("open_mode", "1");
				connection = DriverManager.getConnection(url, readOnly);
			}
			else {
				connection = DriverManager.getConnection(url);
				connection.setReadOnly(true);
			}
			for (ImportMapping.EntityMapping entity : mapping.entities()) {
				String table = ImportSource.checkName(entity.source());
				String key = ImportSource.checkName(entity.key());
				orderBy.put(table, !sqlite ? "`" + key + "`" : isView(connection, table) ? "\"" + key + "\"" : "rowid");
			}
			return new JdbcSource(connection, description, sqlite, orderBy);
		}
		catch (SQLException ex) {
			throw new ImportMapping.MappingException(
					"cannot open " + description + ": " + SourceUrls.mask(String.valueOf(ex.getMessage())));
		}
	}

	/** A SQLite view has no rowid; its rows are read in key order instead. */
	private static boolean isView(Connection connection, String table) throws SQLException {
		try (java.sql.PreparedStatement type = connection
			.prepareStatement("SELECT type FROM sqlite_master WHERE name = ?")) {
			type.setString(1, table);
			try (ResultSet row = type.executeQuery()) {
				return row.next() && "view".equals(row.getString(1));
			}
		}
	}

	@Override
	public String description() {
		return description;
	}

	@Override
	public long count(String table) {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quote(table))) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new ImportMapping.MappingException(
					"cannot count " + table + " in " + description + ": " + ex.getMessage());
		}
	}

	@Override
	public Set<String> repeatedKeys(String table, String column) {
		String key = "upper(trim(" + quote(column) + "))";
		String sql = "SELECT " + key + " FROM " + quote(table) + " WHERE " + quote(column) + " IS NOT NULL GROUP BY "
				+ key + " HAVING count(*) > 1";
		Set<String> repeated = new HashSet<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				repeated.add(rows.getString(1));
			}
			return repeated;
		}
		catch (SQLException ex) {
			throw new ImportMapping.MappingException(
					"cannot read " + table + "." + column + " in " + description + ": " + ex.getMessage());
		}
	}

	@Override
	public Cursor read(String table, long skip) {
		try {
			Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
			statement.setFetchSize(1000);
			ResultSet rows = statement
				.executeQuery("SELECT * FROM " + quote(table) + " ORDER BY " + orderBy.get(table));
			for (long i = 0; i < skip && rows.next(); i++) {
				// rows before the checkpoint were imported already
			}
			return new RowCursor(statement, rows);
		}
		catch (SQLException ex) {
			throw new ImportMapping.MappingException(
					"cannot read " + table + " in " + description + ": " + ex.getMessage());
		}
	}

	private String quote(String tableOrColumn) {
		String name = ImportSource.checkName(tableOrColumn);
		return sqlite ? "\"" + name + "\"" : "`" + name + "`";
	}

	@Override
	public void close() {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// nothing was written through this connection
		}
	}

	private final class RowCursor implements Cursor {

		private final Statement statement;

		private final ResultSet rows;

		private Boolean ahead;

		RowCursor(Statement statement, ResultSet rows) {
			this.statement = statement;
			this.rows = rows;
		}

		@Override
		public boolean hasNext() {
			try {
				if (ahead == null) {
					ahead = rows.next();
				}
				return ahead;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("reading " + description + " failed: " + ex.getMessage(), ex);
			}
		}

		@Override
		public Map<String, Object> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			ahead = null;
			try {
				ResultSetMetaData meta = rows.getMetaData();
				Map<String, Object> row = new LinkedHashMap<>();
				for (int column = 1; column <= meta.getColumnCount(); column++) {
					row.put(meta.getColumnLabel(column), value(column, meta.getColumnLabel(column)));
				}
				return row;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("reading " + description + " failed: " + ex.getMessage(), ex);
			}
		}

		private Object value(int column, String label) throws SQLException {
			Object value = rows.getObject(column);
			if (!sqlite || !(value instanceof String)) {
				return value;
			}
			try {
				return StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(rows.getBytes(column)))
					.toString();
			}
			catch (CharacterCodingException ex) {
				return new InvalidText(label);
			}
		}

		@Override
		public void close() {
			try {
				statement.close();
			}
			catch (SQLException ex) {
				// a read-only cursor; nothing to undo
			}
		}

	}

}
