package io.getaways.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.db.DatabaseSettings;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit tests need beyond the API: reads as the auditor role, and the owner's login, which alone can disable
 * the append-only trigger to stage tampering (and undo it, so that the shared database stays clean).
 */
final class AuditDatabase {

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final DatabaseSettings settings;
	private final String url;

	AuditDatabase(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.transactions = context.getBean(TransactionTemplate.class);
		this.settings = context.getBean(DatabaseSettings.class);
		this.url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
	}

	DatabaseSettings settings() {
		return settings;
	}

	<T> T as(Actor.Role role, Supplier<T> work) {
		Actor actor = new Actor(role, null, "test:audit", null, null, null);
		return ActorContext.callAs(actor, () -> transactions.execute(status -> work.get()));
	}

	<T> T asAuditor(Supplier<T> work) {
		return as(Actor.Role.AUDITOR, work);
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	Connection ownerConnection() throws SQLException {
		return DriverManager.getConnection(url, settings.ownerUsername(), settings.owner().password());
	}

	/** The owner's way around the log's protection: only it may disable the trigger, and it must do so on purpose. */
	void overwriteAsOwner(long entryId, String column, String jsonValue) {
		if (!List.of("new_row", "content_hash").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		String value = column.equals("new_row") ? "CAST(? AS jsonb)" : "decode(?, 'hex')";
		try (Connection owner = ownerConnection()) {
			owner.setAutoCommit(false);
			JdbcClient client = JdbcClient.create(new SingleConnectionDataSource(owner, true));
			client.sql("ALTER TABLE audit.log DISABLE TRIGGER log_append_only").update();
			int changed = client.sql("UPDATE audit.log SET " + column + " = " + value + " WHERE id = ?")
				.params(jsonValue, entryId)
				.update();
			client.sql("ALTER TABLE audit.log ENABLE TRIGGER log_append_only").update();
			if (changed != 1) {
				owner.rollback();
				throw new IllegalStateException("No audit entry " + entryId);
			}
			owner.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Owner could not overwrite audit entry " + entryId, ex);
		}
	}

	String newRow(long entryId) {
		return asAuditor(() -> jdbc.sql("SELECT new_row::text FROM audit.log WHERE id = ?")
			.param(entryId)
			.query(String.class)
			.single());
	}

	String contentHash(long entryId) {
		return asAuditor(() -> jdbc.sql("SELECT encode(content_hash, 'hex') FROM audit.log WHERE id = ?")
			.param(entryId)
			.query(String.class)
			.single());
	}

	/** The newest sealed entry's id, after sealing everything sealable. */
	long newestSealed(AuditLog auditLog) {
		auditLog.verify();
		return asAuditor(() -> jdbc.sql("SELECT coalesce(max(log_id), 0) FROM audit.chain").query(Long.class).single());
	}
}
