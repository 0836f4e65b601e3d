package io.getaways.platform;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Temporary tables that live until the current transaction commits, filled with one
 * {@code COPY ... FROM STDIN}: how bulk writers (imports) hand a batch to set-based SQL
 * in one round trip. The table is created as the transaction's role (changeset 024 lets
 * the admin role create temporary tables), so row-level security and audit triggers of
 * the real tables still see the caller.
 */
@Component
public class StagingTables {

	private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

	private final DataSource dataSource;

	StagingTables(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Creates {@code pg_temp.<name>} with the columns given (SQL column definitions,
	 * fixed by the caller, never input) and copies the rows into it; each row's values in
	 * the columns' order, null for NULL, any other value as its {@code toString()}.
	 */
	public void fill(String name, String columns, List<? extends List<?>> rows) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain table name: " + name);
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A staging table lives in the caller's transaction; there is none");
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("CREATE TEMPORARY TABLE " + name + " (" + columns + ") ON COMMIT DROP");
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY pg_temp." + name + " FROM STDIN", new StringReader(text(rows)));
		}
		catch (SQLException | IOException ex) {
			throw new DataAccessResourceFailureException("Filling staging table " + name + " failed", ex);
		}
	}

	/** COPY's text format: tab-separated, \N for NULL, backslash escapes. */
	static String text(List<? extends List<?>> rows) {
		StringBuilder out = new StringBuilder(rows.size() * 128);
		for (List<?> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				if (i > 0) {
					out.append('\t');
				}
				Object value = row.get(i);
				if (value == null) {
					out.append("\\N");
					continue;
				}
				String text = value.toString();
				for (int c = 0; c < text.length(); c++) {
					char ch = text.charAt(c);
					switch (ch) {
						case '\\' -> out.append("\\\\");
						case '\t' -> out.append("\\t");
						case '\n' -> out.append("\\n");
						case '\r' -> out.append("\\r");
						default -> out.append(ch);
					}
				}
			}
			out.append('\n');
		}
		return out.toString();
	}

}
