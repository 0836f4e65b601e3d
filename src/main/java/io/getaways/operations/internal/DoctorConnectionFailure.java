package io.getaways.operations.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

import javax.net.ssl.SSLException;

/**
 * Turns a failed connection into one line naming the store, its address and the likely
 * cause, instead of a driver's stack trace.
 */
final class DoctorConnectionFailure {

	private DoctorConnectionFailure() {
	}

	static String describe(String store, String address, String user, Throwable failure) {
		return store + " at " + address + ": " + cause(store, user, failure);
	}

	static String cause(String store, String user, Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof UnknownHostException) {
				return "unknown host " + t.getMessage() + ": check the host name in the address";
			}
			if (t instanceof ConnectException) {
				return "connection refused: " + store + " is not started or listens on another port";
			}
			if (t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
				return "no answer: wrong host, or a firewall drops the connection";
			}
			if (t instanceof SSLException) {
				return "TLS handshake failed (" + t.getMessage() + "): check the CA and the host name";
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (state.equals("28P01") || state.equals("28000")) {
					return "authentication failed: wrong password for user " + user + " (or no such role)";
				}
				if (state.equals("3D000")) {
					return "the database does not exist: " + first(sql.getMessage());
				}
			}
			String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
			if (message.contains("connection refused")) {
				return "connection refused: " + store + " is not started or listens on another port";
			}
			if (message.contains("authentication failed") || message.contains("wrongpass") || message.contains("noauth")
					|| message.contains("invalid username-password")) {
				return "authentication failed: wrong password for user " + (user == null ? "(none)" : user);
			}
			if (message.contains("unknownhost") || message.contains("unknown host")) {
				return "unknown host: check the host name in the address";
			}
		}
		return first(String.valueOf(failure.getMessage()));
	}

	private static String first(String message) {
		int newline = message.indexOf('\n');
		return (newline < 0 ? message : message.substring(0, newline)).strip();
	}

}
