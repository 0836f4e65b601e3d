package io.getaways.operations.internal;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Per-table row counts and an ordered SHA-256 over every row's text form, in primary-key
 * order, read in one snapshot. Two databases with equal figures hold the same rows with
 * the same values. The server hashes each row (MD5 of its text, 16 bytes) so that only
 * the hashes cross the connection, not the rows; the chain over them is SHA-256. This
 * compares copies, it does not defend against forgery. Unlogged tables are left out:
 * recovery empties them by design.
 */
final class TableDigests {

	/** One table's figures. */
	record Figure(String table, long rows, String digest) {
	}

	private static final String TABLES = """
			SELECT n.nspname AS schema, c.relname AS name,
			       (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
			          FROM pg_index i
			          CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
			          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
			         WHERE i.indrelid = c.oid AND i.indisprimary) AS key_columns
			FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p')
			  AND c.relpersistence = 'p'
			  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			  AND n.nspname NOT LIKE 'pg\\_%'
			ORDER BY 1, 2""";

	private TableDigests() {
	}

	/**
	 * Tables to digest, as quoted qualified names with the ORDER BY that makes their
	 * digest stable.
	 */
	record Table(String qualifiedName, String orderBy) {
	}

	static List<Table> tables(Connection connection) throws SQLException {
		List<Table> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TABLES)) {
			while (rows.next()) {
				String name = quote(connection, rows.getString("schema")) + "."
						+ quote(connection, rows.getString("name"));
				String keys = rows.getString("key_columns");
				// no primary key: the whole row's text orders it, which is stable for
				// equal contents
				tables.add(new Table(name, keys != null ? keys : "t::text"));
			}
		}
		return tables;
	}

	/**
	 * Figures of every table, in the connection's current transaction, which must be a
	 * REPEATABLE READ one when the database is being written, so that all tables are read
	 * at one moment.
	 */
	static List<Figure> compute(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// row text depends on these; fixing them makes figures comparable across
			// sessions and servers
			statement.execute("SET LOCAL TimeZone = 'UTC'");
			statement.execute("SET LOCAL DateStyle = 'ISO, YMD'");
			statement.execute("SET LOCAL IntervalStyle = 'postgres'");
			statement.execute("SET LOCAL extra_float_digits = 1");
			statement.execute("SET LOCAL bytea_output = 'hex'");
		}
		List<Figure> figures = new ArrayList<>();
		for (Table table : tables(connection)) {
			figures.add(digest(connection, table));
		}
		return figures;
	}

	private static Figure digest(Connection connection, Table table) throws SQLException {
		MessageDigest sha = StoredFiles.sha256();
		long count = 0;
		// the names come from the catalog, quoted by the server; nothing here comes from
		// input
		try (PreparedStatement select = connection.prepareStatement("SELECT decode(md5(t::text), 'hex') FROM "
				+ table.qualifiedName() + " t ORDER BY " + table.orderBy())) {
			select.setFetchSize(10_000);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					sha.update(rows.getBytes(1));
					count++;
				}
			}
		}
		return new Figure(table.qualifiedName(), count, HexFormat.of().formatHex(sha.digest()));
	}

	private static String quote(Connection connection, String identifier) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT quote_ident(?)")) {
			statement.setString(1, identifier);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
	}

	/**
	 * The first table whose figures differ, described for an operator; null when all
	 * match.
	 */
	static String firstDifference(List<Figure> expected, List<Figure> actual) {
		for (Figure want : expected) {
			Figure got = actual.stream().filter(f -> f.table().equals(want.table())).findFirst().orElse(null);
			if (got == null) {
				return want.table() + " is missing";
			}
			if (got.rows() != want.rows()) {
				return want.table() + " has " + got.rows() + " rows, " + want.rows() + " recorded";
			}
			if (!got.digest().equals(want.digest())) {
				return want.table() + " has the recorded row count but different contents";
			}
		}
		for (Figure got : actual) {
			if (expected.stream().noneMatch(f -> f.table().equals(got.table()))) {
				return got.table() + " exists but was not recorded";
			}
		}
		return null;
	}

}
