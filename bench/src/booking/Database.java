package booking;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The service's PostgreSQL as the application role sees it, and how every transaction starts there: like the
 * service's, by switching to the caller's role and setting the request context.
 */
public final class Database {

	static final String CONTEXT = """
			SELECT set_config('role', ?, true),
			       set_config('app.user_id', ?, true),
			       set_config('app.actor', ?, true),
			       set_config('app.client_ip', ?, true),
			       set_config('app.user_agent', ?, true),
			       set_config('app.request_id', ?, true)
			""";

	private final String url;
	private final String user;
	private final String password;
	private final String prefix;

	/** {@code user} is the application role, {@code <prefix>_app}; the other roles share its prefix. */
	public Database(String url, String user, String password) {
		if (!user.endsWith("_app")) {
			throw new IllegalArgumentException("Expected the application role <prefix>_app but was " + user);
		}
		this.url = url;
		this.user = user;
		this.password = password;
		this.prefix = user.substring(0, user.length() - "_app".length());
	}

	String customerRole() {
		return prefix + "_customer";
	}

	String jobsRole() {
		return prefix + "_jobs";
	}

	Connection connect(boolean autoCommit) throws SQLException {
		Connection connection = DriverManager.getConnection(url, user, password);
		connection.setAutoCommit(autoCommit);
		return connection;
	}

	void begin(Connection connection, String role, String userId, String actor) throws SQLException {
		try (PreparedStatement context = connection.prepareStatement(CONTEXT)) {
			context.setString(1, role);
			context.setString(2, userId == null ? "" : userId);
			context.setString(3, actor);
			context.setString(4, "127.0.0.1");
			context.setString(5, "BookingBench");
			context.setString(6, UUID.randomUUID().toString());
			context.execute();
		}
	}
}
