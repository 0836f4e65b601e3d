package io.getaways.platform.db;

/**
 * A WAL position as PostgreSQL writes it ({@code 16/B374D848}) and as a number that
 * compares and subtracts like {@code pg_wal_lsn_diff}.
 */
public final class Lsn {

	private Lsn() {
	}

	/**
	 * The position as a number.
	 * @throws IllegalArgumentException if the text is not an LSN
	 */
	public static long parse(String text) {
		int slash = text == null ? -1 : text.indexOf('/');
		if (slash < 1 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash - 1 > 8) {
			throw new IllegalArgumentException("not a WAL position (such as 16/B374D848): '" + text + "'");
		}
		try {
			return Long.parseLong(text.substring(0, slash), 16) << 32 | Long.parseLong(text.substring(slash + 1), 16);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a WAL position (such as 16/B374D848): '" + text + "'", ex);
		}
	}

	public static String format(long lsn) {
		return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
	}

}
