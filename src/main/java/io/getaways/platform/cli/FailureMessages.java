package io.getaways.platform.cli;

import java.sql.SQLException;
import java.util.List;

import io.getaways.platform.StoreFailures;
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
			if (cause instanceof SQLException sql && isConnectionFailure(sql.getSQLState())) {
				return StoreFailures.describe("PostgreSQL", stores.postgres(), stores.postgresUser(), sql);
			}
			String type = cause.getClass().getName();
			if (type.startsWith("com.mongodb.") && (type.endsWith("TimeoutException")
					|| type.endsWith("SocketOpenException") || type.endsWith("SecurityException"))) {
				return StoreFailures.describe("MongoDB", stores.mongo(), null, cause);
			}
			if (type.equals("org.springframework.data.redis.RedisConnectionFailureException")) {
				return StoreFailures.describe("Redis", stores.redis(), "default", cause);
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

	/** Connection exceptions (08), refused logins (28) and a missing database (3D000). */
	private static boolean isConnectionFailure(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
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
		int end = message.indexOf('\n');
		return end < 0 ? message.strip() : message.substring(0, end).strip();
	}

}
