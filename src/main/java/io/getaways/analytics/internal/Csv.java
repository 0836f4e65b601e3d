package io.getaways.analytics.internal;

/** RFC 4180 fields: quoted only when they must be. */
final class Csv {

	private Csv() {
	}

	/**
	 * A cell of a report that people open in a spreadsheet: text that a spreadsheet would
	 * run as a formula (a search term such as {@code =HYPERLINK(...)}) is prefixed with
	 * an apostrophe.
	 */
	static String cell(Object value) {
		if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return field("'" + text);
		}
		return field(value);
	}

	static String field(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
