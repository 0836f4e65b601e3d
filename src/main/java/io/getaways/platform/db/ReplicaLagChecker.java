package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.getaways.platform.db.ReplicaStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Measures every replica each {@code getaways.replicas.check-interval}: whether it is
 * still in recovery, the WAL position it replayed, how many bytes that is behind the
 * primary's {@code pg_current_wal_lsn()}, and how old its newest replayed commit is while
 * it is behind. A replica that has replayed everything the primary wrote has no lag,
 * however long ago the last commit was. Runs on a thread of its own, so that no slow
 * store call of a scheduled job delays it.
 */
final class ReplicaLagChecker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReplicaLagChecker.class);

	private static final String PRIMARY_POSITION = "SELECT pg_current_wal_lsn()::text";

	private static final String REPLICA_POSITION = """
			SELECT pg_is_in_recovery(),
			       pg_last_wal_replay_lsn()::text,
			       extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())
			""";

	private final ReplicaSet replicas;

	private final DataSource primary;

	private final Duration interval;

	private ScheduledExecutorService executor;

	private long previousPrimaryLsn = -1;

	ReplicaLagChecker(ReplicaSet replicas, DataSource primary) {
		this.replicas = replicas;
		this.primary = primary;
		this.interval = replicas.settings().checkInterval();
	}

	@Override
	public synchronized void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "getaways-replica-check");
			thread.setDaemon(true);
			return thread;
		});
		if (replicas.settings().synchronous()) {
			executor.execute(this::checkSynchronous);
		}
		executor.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

	/**
	 * On external servers the operator sets {@code synchronous_standby_names}; a service
	 * told commits are synchronous says so once when the primary disagrees.
	 */
	private void checkSynchronous() {
		try (Connection connection = primary.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT current_setting('synchronous_standby_names')")) {
			row.next();
			if (row.getString(1) == null || row.getString(1).isBlank()) {
				log.warn("Replicas: getaways.replicas.synchronous=true but the primary's synchronous_standby_names is "
						+ "empty, so commits do not wait for a standby; set it on the primary (docs/replicas.md)");
			}
		}
		catch (SQLException ex) {
			log.debug("Replicas: could not read synchronous_standby_names: {}", ex.getMessage());
		}
	}

	/** Every replica once; public to the package so tests need not wait for the timer. */
	void checkAll() {
		long primaryLsn = primaryPosition();
		long previous = previousPrimaryLsn;
		previousPrimaryLsn = primaryLsn;
		for (Replica replica : replicas.replicas()) {
			ReplicaStatus before = replica.status();
			ReplicaStatus after = check(replica, primaryLsn, previous);
			replica.update(after);
			if (before.state() != after.state()) {
				log.info("Replica {}: {} -> {}{}", replica.name(), before.state(), after.state(),
						after.detail() == null ? "" : " (" + after.detail() + ")");
			}
		}
	}

	private long primaryPosition() {
		try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(1);
			try (ResultSet row = statement.executeQuery(PRIMARY_POSITION)) {
				row.next();
				return Lsn.parse(row.getString(1));
			}
		}
		catch (SQLException | RuntimeException ex) {
			// during a failover the primary may be gone; lag in seconds still tells
			return -1;
		}
	}

	private ReplicaStatus check(Replica replica, long primaryLsn, long previousPrimaryLsn) {
		try (Connection connection = replica.pool().getConnection();
				Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(1);
			try (ResultSet row = statement.executeQuery(REPLICA_POSITION)) {
				row.next();
				if (!row.getBoolean(1)) {
					return new ReplicaStatus(State.PROMOTED, -1, -1, -1, Instant.now(),
							"not in recovery: promoted, serves no reads");
				}
				long replayLsn = row.getString(2) == null ? -1 : Lsn.parse(row.getString(2));
				double age = row.getObject(3) == null ? -1 : row.getDouble(3);
				return measured(replayLsn, primaryLsn, previousPrimaryLsn, age);
			}
		}
		catch (SQLException | RuntimeException ex) {
			return ReplicaStatus.down(ex.getMessage());
		}
	}

	/**
	 * The age of the newest replayed commit says how stale a replica is only while it is
	 * really behind. One that has replayed all the primary had written a check ago is
	 * behind by less than the interval, however old its newest commit is (an idle primary
	 * still writes a little WAL), so its lag is counted as that much at most.
	 */
	private ReplicaStatus measured(long replayLsn, long primaryLsn, long previousPrimaryLsn, double age) {
		long lagBytes = primaryLsn < 0 || replayLsn < 0 ? -1 : Math.max(0, primaryLsn - replayLsn);
		double lagSeconds = lagBytes == 0 ? 0 : age;
		if (lagBytes > 0 && previousPrimaryLsn >= 0 && replayLsn >= previousPrimaryLsn) {
			lagSeconds = Math.min(age < 0 ? Double.MAX_VALUE : age, interval.toNanos() / 1e9);
		}
		double maxLag = replicas.settings().maxLag().toNanos() / 1e9;
		if (replayLsn < 0 || lagSeconds < 0) {
			return new ReplicaStatus(State.LAGGING, replayLsn, lagBytes, lagSeconds, Instant.now(),
					"lag unknown: nothing replayed yet");
		}
		if (lagSeconds > maxLag) {
			return new ReplicaStatus(State.LAGGING, replayLsn, lagBytes, lagSeconds, Instant.now(),
					"%.3f s behind, more than getaways.replicas.max-lag".formatted(lagSeconds));
		}
		return new ReplicaStatus(State.UP, replayLsn, lagBytes, lagSeconds, Instant.now(), null);
	}

}
