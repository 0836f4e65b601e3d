package io.getaways.platform;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query's row as an answer shows it when its columns are the answer's fields (reports,
 * personal-data exports): named in camel case, dates as {@code LocalDate}, timestamps as
 * {@code Instant}.
 */
public final class JsonRows {

	private JsonRows() {
	}

	public static Map<String, Object> of(ResultSet row) throws SQLException {
		ResultSetMetaData meta = row.getMetaData();
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			Object value = row.getObject(i);
			if (value instanceof Date date) {
				value = date.toLocalDate();
			}
			else if (value instanceof Timestamp) {
				value = row.getObject(i, OffsetDateTime.class).toInstant();
			}
			values.put(camel(meta.getColumnLabel(i)), value);
		}
		return values;
	}

	/** {@code nights_sold} as {@code nightsSold}. */
	public static String camel(String column) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
