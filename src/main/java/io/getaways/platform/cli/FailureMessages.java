package io.getaways.platform.cli;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.platform.config.InvalidSettings;
import io.getaways.platform.db.MigrationFailedException;
import io.getaways.platform.embedded.DataDirectoryInUseException;
import org.springframework.beans.BeansException;
import org.springframework.core.NestedExceptionUtils;

/**
 * The one line a failed command prints: which store, at which address, and the likely
 * cause, instead of the outermost wrapper's message (such as Spring's "Could not open
 * JDBC Connection for transaction").
 */
final class FailureMessages {

	private static final Pattern SERVER_USER = Pattern.compile("(?:for user|role) \"([^\"]+)\"");

	private FailureMessages() {
	}

	static String explain(Throwable failure, StoreAddresses stores) {
		List<String> settings = InvalidSettings.lines(failure);
		if (!settings.isEmpty()) {
			return String.join("; ", settings);
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataDirectoryInUseException) {
				return cause.getMessage() + " Commands on embedded stores need the data directory to themselves:"
						+ " stop the service first, or use its admin API while it runs.";
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String explained = postgres(sql, stores);
				if (explained != null) {
					return explained;
				}
			}
			String type = cause.getClass().getName();
			if (type.startsWith("com.mongodb.") && (type.endsWith("TimeoutException")
					|| type.endsWith("SocketOpenException") || type.endsWith("SecurityException"))) {
				return "MongoDB at " + stores.mongo() + " is not usable: " + firstLine(cause.getMessage());
			}
			if (type.equals("org.springframework.data.redis.RedisConnectionFailureException")) {
				return "Redis at " + stores.redis() + " is not reachable: " + rootMessage(cause)
						+ " (not started, or wrong host or port in spring.data.redis.url)";
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationFailedException) {
				return migration(cause.getMessage());
			}
		}
		// a bean that failed to start wraps the reason in several layers that name beans
		Throwable reason = failure instanceof BeansException ? NestedExceptionUtils.getMostSpecificCause(failure)
				: failure;
		String message = reason.getMessage();
		return message == null ? reason.getClass().getSimpleName() : firstLine(message);
	}

	private static String postgres(SQLException sql, StoreAddresses stores) {
		String at = "PostgreSQL at " + stores.postgres();
		String state = sql.getSQLState();
		return switch (state) {
			case "28P01" -> at + " refused user '" + user(sql, stores)
					+ "': wrong password (spring.datasource.password, or SPRING_DATASOURCE_PASSWORD;"
					+ " getaways.db.owner.password for migrations)";
			case "28000" -> at + " refused user '" + user(sql, stores) + "': " + firstLine(sql.getMessage())
					+ " (does the role exist, and does pg_hba.conf allow it?)";
			case "3D000" -> at + ": " + firstLine(sql.getMessage())
					+ " (create it as docs/external-servers.md shows, or fix the database in spring.datasource.url)";
			default -> state.startsWith("08") ? at + " is not reachable: " + connectionCause(sql) : null;
		};
	}

	private static String connectionCause(SQLException sql) {
		for (Throwable cause = sql; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return "connection refused (not started, or wrong host or port in spring.datasource.url)";
			}
			if (cause instanceof UnknownHostException) {
				return "unknown host " + cause.getMessage() + " (check spring.datasource.url)";
			}
			if (cause instanceof SocketTimeoutException) {
				return "no answer in time (a firewall, or the wrong host)";
			}
		}
		return firstLine(sql.getMessage());
	}

	private static String user(SQLException sql, StoreAddresses stores) {
		Matcher matcher = SERVER_USER.matcher(String.valueOf(sql.getMessage()));
		return matcher.find() ? matcher.group(1) : stores.postgresUser();
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
	}

	/**
	 * Liquibase spreads the changeset and the server's reason over several lines and
	 * appends the whole statement: one line keeps both and drops the statement.
	 */
	private static String migration(String message) {
		String joined = String.join(" ", message.strip().split("\\s*\\R\\s*"))
			.replaceAll("liquibase\\.exception\\.\\w+: ", "");
		int statement = joined.indexOf(" [Failed SQL");
		return statement < 0 ? joined : joined.substring(0, statement);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return end < 0 ? message.strip() : message.substring(0, end).strip();
	}

}
