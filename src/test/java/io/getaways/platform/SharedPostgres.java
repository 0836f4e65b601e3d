package io.getaways.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.getaways.support.TestStores;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The PostgreSQL both instances share, seen by its superuser: the outbox rows, the job
 * lock rows and the sessions of each instance, none of which the application's roles may
 * touch the way these tests need.
 */
final class SharedPostgres {

	/**
	 * A publication as it was stored, and the text in its event that tells it apart (such
	 * as a booking id).
	 */
	record Publication(String listenerId, String eventType, String serializedEvent, String marker) {
	}

	/**
	 * Where a publication stands: its status, whether it completed, and how often it was
	 * handed to its listener.
	 */
	record State(String status, boolean completed, int attempts) {
	}

	/** A session of an application, named by the application it belongs to. */
	record Session(int pid, String application) {
	}

	private final ApplicationContext context;

	SharedPostgres(ApplicationContext context) {
		this.context = context;
	}

	Connection connect() throws SQLException {
		String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		return DriverManager.getConnection(TestStores.superuserUrl(context, database), TestStores.superuser(), null);
	}

	/**
	 * The completed publication of the event naming {@code marker}, to the listener whose
	 * id has {@code listener}.
	 */
	Publication completed(String listener, String marker) {
		return sql(jdbc -> jdbc.sql("""
				SELECT listener_id, event_type, serialized_event
				FROM app.event_publication
				WHERE listener_id LIKE '%' || ? || '%'
				  AND serialized_event LIKE '%' || ? || '%'
				  AND completion_date IS NOT NULL""")
			.params(listener, marker)
			.query((rs, row) -> new Publication(rs.getString(1), rs.getString(2), rs.getString(3), marker))
			.single());
	}

	/**
	 * Stores a publication of {@code template}'s event with its marker replaced, as the
	 * registry leaves one whose listener failed: incomplete, status FAILED, after its
	 * first attempt, published {@code age} ago.
	 */
	UUID insertFailed(Publication template, String replacement, Duration age) {
		return insert(template, replacement, "FAILED", age, null, 1);
	}

	/**
	 * Stores an incomplete publication of {@code template}'s event with its marker
	 * replaced, in the given status, with {@code attempts} deliveries so far, the last
	 * one resubmitted {@code resubmittedAgo} ago (null: never).
	 */
	UUID insert(Publication template, String replacement, String status, Duration publishedAgo, Duration resubmittedAgo,
			int attempts) {
		UUID id = UUID.randomUUID();
		sql(jdbc -> jdbc.sql("""
				INSERT INTO app.event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                                   status, completion_attempts, last_resubmission_date)
				VALUES (?, ?, ?, ?, now() - make_interval(secs => ?), ?, ?,
				        now() - make_interval(secs => ?))""")
			.params(id, template.listenerId(), template.eventType(),
					template.serializedEvent().replace(template.marker(), replacement),
					(double) publishedAgo.toSeconds(), status, attempts,
					resubmittedAgo == null ? null : (double) resubmittedAgo.toSeconds())
			.update());
		return id;
	}

	void delete(UUID publication) {
		sql(jdbc -> jdbc.sql("DELETE FROM app.event_publication WHERE id = ?").param(publication).update());
	}

	State state(UUID publication) {
		return sql(jdbc -> jdbc.sql("""
				SELECT status, completion_date IS NOT NULL, coalesce(completion_attempts, 0)
				FROM app.event_publication WHERE id = ?""")
			.param(publication)
			.query((rs, row) -> new State(rs.getString(1), rs.getBoolean(2), rs.getInt(3)))
			.single());
	}

	/**
	 * Publications of events that mention {@code marker}, to listeners whose id contains
	 * {@code listener}.
	 */
	List<State> states(String listener, String marker) {
		return sql(jdbc -> jdbc.sql("""
				SELECT status, completion_date IS NOT NULL, coalesce(completion_attempts, 0)
				FROM app.event_publication
				WHERE listener_id LIKE '%' || ? || '%' AND serialized_event LIKE '%' || ? || '%'""")
			.params(listener, marker)
			.query((rs, row) -> new State(rs.getString(1), rs.getBoolean(2), rs.getInt(3)))
			.list());
	}

	/**
	 * Locks the rows of those publications that are still FAILED, in the open transaction
	 * of {@code connection}.
	 */
	int lockFailed(Connection connection, List<UUID> publications) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("""
				SELECT count(*) FROM (
				  SELECT id FROM app.event_publication WHERE id = ANY (?) AND status = 'FAILED' FOR UPDATE
				) locked""")) {
			lock.setArray(1, connection.createArrayOf("uuid", publications.toArray()));
			try (ResultSet rs = lock.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/** The server process of the connection's session. */
	int pid(Connection connection) throws SQLException {
		try (PreparedStatement pid = connection.prepareStatement("SELECT pg_backend_pid()");
				ResultSet rs = pid.executeQuery()) {
			rs.next();
			return rs.getInt(1);
		}
	}

	/**
	 * Sessions that wait for a lock the session {@code holder} holds, directly or queued
	 * behind another waiter.
	 */
	List<Session> blockedBy(int holder) {
		return sql(jdbc -> jdbc.sql("""
				WITH RECURSIVE waiting (pid) AS (
				  SELECT pid FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))
				  UNION
				  SELECT a.pid FROM pg_stat_activity a JOIN waiting w ON w.pid = ANY (pg_blocking_pids(a.pid))
				)
				SELECT a.pid, a.application_name FROM pg_stat_activity a JOIN waiting USING (pid)""")
			.param(holder)
			.query((rs, row) -> new Session(rs.getInt(1), rs.getString(2)))
			.list());
	}

	/**
	 * The job's lock row: lock_until, locked_at and locked_by, with lock_until compared
	 * to the database clock.
	 */
	Map<String, Object> lock(String job) {
		return sql(jdbc -> jdbc.sql("""
				SELECT lock_until, locked_at, locked_by, lock_until > now() AS held
				FROM system.shedlock WHERE name = ?""").param(job).query().singleRow());
	}

	/**
	 * Takes the job's lock the way ShedLock does, for {@code owner}: only when nobody
	 * holds it; true when taken.
	 */
	boolean takeLock(String job, String owner, Duration holdFor) {
		return sql(jdbc -> jdbc.sql("""
				INSERT INTO system.shedlock AS l (name, lock_until, locked_at, locked_by)
				VALUES (?, now() + make_interval(secs => ?), now(), ?)
				ON CONFLICT (name) DO UPDATE
				  SET lock_until = EXCLUDED.lock_until, locked_at = EXCLUDED.locked_at, locked_by = EXCLUDED.locked_by
				  WHERE l.lock_until <= now()""").params(job, (double) holdFor.toSeconds(), owner).update()) == 1;
	}

	void releaseLock(String job, String owner) {
		sql(jdbc -> jdbc.sql("UPDATE system.shedlock SET lock_until = now() WHERE name = ? AND locked_by = ?")
			.params(job, owner)
			.update());
	}

	private <T> T sql(Function<JdbcClient, T> work) {
		try (Connection connection = connect()) {
			return work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No superuser connection to the shared PostgreSQL", ex);
		}
	}

}
