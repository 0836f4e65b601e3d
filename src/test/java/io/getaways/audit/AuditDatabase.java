package io.getaways.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.db.DatabaseSettings;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit tests need beyond the API: reads as the auditor role, and the owner's
 * login, which alone can disable the append-only trigger to stage tampering (and undo it,
 * so that the shared database stays clean).
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

	/**
	 * The owner's way around the log's protection: only it may disable the trigger, and
	 * it must do so on purpose.
	 */
	void overwriteAsOwner(long entryId, String column, String value) {
		if (!List.of("new_row", "content_hash").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		String newValue = column.equals("new_row") ? "CAST(? AS jsonb)" : "decode(?, 'hex')";
		int changed = asOwnerInOneTransaction(client -> {
			client.sql("ALTER TABLE audit.log DISABLE TRIGGER log_append_only").update();
			int rows = client.sql("UPDATE audit.log SET " + column + " = " + newValue + " WHERE id = ?")
				.params(value, entryId)
				.update();
			client.sql("ALTER TABLE audit.log ENABLE TRIGGER log_append_only").update();
			return rows;
		});
		if (changed != 1) {
			throw new IllegalStateException("No audit entry " + entryId);
		}
	}

	record ChainLink(long logId, String prevHash, String chainHash, OffsetDateTime sealedAt) {
	}

	/**
	 * Removes one link of the chain as the owner would have to: granting itself DELETE
	 * and disabling the trigger.
	 */
	ChainLink removeChainLinkAsOwner(long logId) {
		return asOwnerInOneTransaction(client -> {
			ChainLink link = client.sql("""
					SELECT log_id, encode(prev_hash, 'hex') AS prev_hash, encode(chain_hash, 'hex') AS chain_hash,
					       sealed_at
					FROM audit.chain
					WHERE log_id = ?""")
				.param(logId)
				.query((row, n) -> new ChainLink(row.getLong("log_id"), row.getString("prev_hash"),
						row.getString("chain_hash"), row.getObject("sealed_at", OffsetDateTime.class)))
				.single();
			client.sql("GRANT DELETE ON audit.chain TO CURRENT_USER").update();
			client.sql("ALTER TABLE audit.chain DISABLE TRIGGER chain_append_only").update();
			client.sql("DELETE FROM audit.chain WHERE log_id = ?").param(logId).update();
			client.sql("ALTER TABLE audit.chain ENABLE TRIGGER chain_append_only").update();
			client.sql("REVOKE DELETE ON audit.chain FROM CURRENT_USER").update();
			return link;
		});
	}

	void restoreChainLinkAsOwner(ChainLink link) {
		asOwnerInOneTransaction(client -> client.sql("""
				INSERT INTO audit.chain (log_id, prev_hash, chain_hash, sealed_at)
				VALUES (?, decode(?, 'hex'), decode(?, 'hex'), ?)""")
			.params(link.logId(), link.prevHash(), link.chainHash(), link.sealedAt())
			.update());
	}

	private <T> T asOwnerInOneTransaction(Function<JdbcClient, T> work) {
		try (Connection owner = ownerConnection()) {
			owner.setAutoCommit(false);
			try {
				T result = work.apply(JdbcClient.create(new SingleConnectionDataSource(owner, true)));
				owner.commit();
				return result;
			}
			catch (RuntimeException ex) {
				owner.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Owner transaction failed", ex);
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
