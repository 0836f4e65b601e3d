package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.StoreCircuits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The one place where a transaction learns who acts: its first statement switches to the
 * actor's database role and sets the context that row-level security policies and audit
 * triggers read. Every setting is transaction-local, so nothing leaks to the next user of
 * the pooled connection.
 */
class ActorTransactionManager extends JdbcTransactionManager {

	private static final String SET_CONTEXT = """
			SELECT set_config('role', ?, true),
			       set_config('app.user_id', ?, true),
			       set_config('app.actor', ?, true),
			       set_config('app.client_ip', ?, true),
			       set_config('app.user_agent', ?, true),
			       set_config('app.request_id', ?, true)
			""";

	private final DatabaseRoles roles;

	private final StoreCircuits circuits;

	/**
	 * For work outside the application context (command-line tasks), with circuits of its
	 * own.
	 */
	ActorTransactionManager(DataSource dataSource, DatabaseRoles roles) {
		this(dataSource, roles, StoreCircuits.withDefaults(new SimpleMeterRegistry()));
	}

	ActorTransactionManager(DataSource dataSource, DatabaseRoles roles, StoreCircuits circuits) {
		super(dataSource);
		this.roles = roles;
		this.circuits = circuits;
	}

	/**
	 * Beginning takes the connection, so it is where an unreachable PostgreSQL shows:
	 * through the store's circuit, so that once it is known to be down, requests fail at
	 * once instead of each waiting out the pool's timeout.
	 */
	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		RuntimeException[] notAnOutage = new RuntimeException[1];
		circuits.run(Store.POSTGRES, () -> {
			try {
				super.doBegin(transaction, definition);
			}
			catch (RuntimeException ex) {
				if (!failedOnReplica(ex)) {
					throw ex;
				}
				notAnOutage[0] = ex;
			}
		});
		if (notAnOutage[0] != null) {
			throw notAnOutage[0];
		}
	}

	/**
	 * Whether a transaction failed to begin on a read replica, which leaves the
	 * PostgreSQL circuit alone: a replica failing is no outage of the primary.
	 */
	boolean failedOnReplica(RuntimeException failure) {
		return false;
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		Actor actor = ActorContext.current();
		try (PreparedStatement statement = connection.prepareStatement(SET_CONTEXT)) {
			statement.setString(1, roleFor(actor.role()));
			statement.setString(2, blankIfNull(actor.userId()));
			statement.setString(3, blankIfNull(actor.name()));
			statement.setString(4, blankIfNull(actor.clientIp()));
			statement.setString(5, blankIfNull(actor.userAgent()));
			statement.setString(6, blankIfNull(actor.requestId()));
			statement.execute();
		}
	}

	private String roleFor(Actor.Role role) {
		return switch (role) {
			case CUSTOMER -> roles.customer();
			case ADMIN -> roles.admin();
			case JOBS -> roles.jobs();
			case AUDITOR -> roles.auditor();
			case READONLY -> roles.readonly();
			case SYSTEM -> roles.system();
		};
	}

	private static String blankIfNull(String value) {
		return value == null ? "" : value;
	}

}
