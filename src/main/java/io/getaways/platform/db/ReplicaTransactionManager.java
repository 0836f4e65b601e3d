package io.getaways.platform.db;

import java.lang.reflect.UndeclaredThrowableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import io.getaways.platform.StoreCircuits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.CallbackPreferringPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transaction manager with read replicas. It records each commit's WAL position for
 * read-your-writes, and it runs a read-only transaction once more, on another replica or
 * the primary, when the replica it read from went away during it (connection lost, shut
 * down, or a query cancelled by a conflict with recovery): a read-only transaction
 * changes nothing, so running it again is safe. Callback-preferring, so that
 * {@code @Transactional} methods and {@code TransactionTemplate}s alike hand it their
 * whole work.
 */
final class ReplicaTransactionManager extends ActorTransactionManager
		implements CallbackPreferringPlatformTransactionManager {

	private static final Logger log = LoggerFactory.getLogger(ReplicaTransactionManager.class);

	private static final String COMMIT_POSITION = "SELECT pg_current_wal_lsn()::text";

	/**
	 * Administrator shutdown (57P01..03) and a query cancelled for a conflict with
	 * recovery (40001 on a standby), beside every connection failure (class 08).
	 */
	private static final Set<String> REPLICA_GONE = Set.of("57P01", "57P02", "57P03", "40001");

	private final ConsistencyTokens tokens;

	private final ReplicaSet replicas;

	ReplicaTransactionManager(DataSource dataSource, DatabaseRoles roles, StoreCircuits circuits,
			ConsistencyTokens tokens, ReplicaSet replicas) {
		super(dataSource, roles,
				circuits == null
						? StoreCircuits.withDefaults(new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
						: circuits);
		this.tokens = tokens;
		this.replicas = replicas;
	}

	@Override
	public <T> T execute(TransactionDefinition definition, TransactionCallback<T> callback) {
		if (!definition.isReadOnly() || TransactionSynchronizationManager.isActualTransactionActive()) {
			return runOnce(definition, callback);
		}
		Replica failed;
		try (ReplicaReads.Tracking tracking = ReplicaReads.track()) {
			if (tracking == null) {
				return runOnce(definition, callback);
			}
			try {
				return runOnce(definition, callback);
			}
			catch (RuntimeException | Error ex) {
				if (tracking.replica() == null || !replicaGone(ex)) {
					throw ex;
				}
				failed = tracking.replica();
				replicas.markDown(failed, ex);
			}
		}
		log.info("Replica {}: a read failed with it; reading again elsewhere", failed.name());
		return runOnce(definition, callback);
	}

	/** As {@code TransactionTemplate} runs a callback. */
	private <T> T runOnce(TransactionDefinition definition, TransactionCallback<T> callback) {
		TransactionStatus status = getTransaction(definition);
		T result;
		try {
			result = callback.doInTransaction(status);
		}
		catch (RuntimeException | Error ex) {
			rollbackOnException(status, ex);
			throw ex;
		}
		catch (Throwable ex) {
			rollbackOnException(status, ex);
			throw new UndeclaredThrowableException(ex, "TransactionCallback threw undeclared checked exception");
		}
		commit(status);
		return result;
	}

	private void rollbackOnException(TransactionStatus status, Throwable failure) {
		try {
			rollback(status);
		}
		catch (RuntimeException | Error rollbackFailure) {
			rollbackFailure.addSuppressed(failure);
			throw rollbackFailure;
		}
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		ReplicaReads.beginning();
		super.doBegin(transaction, definition);
	}

	@Override
	boolean failedOnReplica(RuntimeException failure) {
		return ReplicaReads.lastUsed() != null;
	}

	/**
	 * After the commit, the primary's WAL position covers it: a replica that replayed up
	 * to there shows the commit. Asked on the same connection, after the transaction.
	 */
	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		super.doCommit(status);
		if (status.isReadOnly() || !tokens.wanted()) {
			return;
		}
		Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder()
			.getConnection();
		try (PreparedStatement statement = connection.prepareStatement(COMMIT_POSITION);
				ResultSet row = statement.executeQuery()) {
			row.next();
			tokens.committed(Lsn.parse(row.getString(1)));
		}
		catch (SQLException ex) {
			// the commit stands; without its position this user reads on the primary
			// until the token expires
			tokens.committedAtUnknownPosition();
		}
	}

	static boolean replicaGone(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || REPLICA_GONE.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
