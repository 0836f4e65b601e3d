package io.getaways.platform;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * Turns a failed connection into one line naming the store, its address and the likely
 * cause, instead of a driver's stack trace: what the command line prints when a command
 * cannot reach a store, and what {@code doctor} reports.
 */
public final class StoreFailures {

	/**
	 * PostgreSQL names the refused login in its message, which beats the configured one.
	 */
	private static final Pattern SERVER_USER = Pattern.compile("(?:for user|role) \"([^\"]+)\"");

	private static final String POSTGRES_PASSWORDS = " (spring.datasource.password or SPRING_DATASOURCE_PASSWORD;"
			+ " getaways.db.owner.password for migrations)";

	private StoreFailures() {
	}

	/** {@code <store> at <address>: <likely cause>}. */
	public static String describe(String store, String address, String user, Throwable failure) {
		return store + " at " + address + ": " + cause(store, user, failure);
	}

	/** The likely cause alone, with what to check. */
	public static String cause(String store, String user, Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof UnknownHostException) {
				return "unknown host " + t.getMessage() + ": check the host name in the address";
			}
			if (t instanceof ConnectException) {
				return refused(store);
			}
			if (t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
				return "no answer: wrong host, or a firewall drops the connection";
			}
			if (t instanceof SSLException) {
				return "TLS handshake failed (" + firstLine(t.getMessage()) + "): check the CA and the host name";
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				String explained = postgres(sql, user);
				if (explained != null) {
					return explained;
				}
			}
			String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
			if (message.contains("connection refused")) {
				return refused(store);
			}
			if (message.contains("authentication failed") || message.contains("wrongpass") || message.contains("noauth")
					|| message.contains("invalid username-password")) {
				return "authentication failed: wrong password for user " + (user == null ? "(none)" : user);
			}
			if (message.contains("unknownhost") || message.contains("unknown host")) {
				return "unknown host: check the host name in the address";
			}
		}
		return firstLine(String.valueOf(failure.getMessage()));
	}

	private static String postgres(SQLException sql, String configuredUser) {
		Matcher named = SERVER_USER.matcher(String.valueOf(sql.getMessage()));
		String user = named.find() ? named.group(1) : configuredUser;
		return switch (sql.getSQLState()) {
			case "28P01" -> "authentication failed: wrong password for user " + user + POSTGRES_PASSWORDS;
			case "28000" -> "authentication failed: user " + user + " refused (" + firstLine(sql.getMessage())
					+ "): does the role exist, and does pg_hba.conf allow it?";
			case "3D000" -> "the database does not exist (" + firstLine(sql.getMessage())
					+ "): create it as docs/external-servers.md shows, or fix the address";
			default -> null;
		};
	}

	private static String refused(String store) {
		return "connection refused: " + store + " is not started or listens on another port";
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return (newline < 0 ? message : message.substring(0, newline)).strip();
	}

}
