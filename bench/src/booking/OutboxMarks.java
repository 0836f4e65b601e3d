package booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import support.Log;

/**
 * What the service's outbox does after commit for each listener it ran: two state marks (started, completed), queued
 * for one writer thread with a connection of its own that writes whatever has queued in one transaction, as the
 * service's outbox-marks thread does.
 */
final class OutboxMarks implements AutoCloseable {

	static final String MARK_PROCESSING = """
			UPDATE app.event_publication
			SET status = 'PROCESSING'
			WHERE id = ?
			  AND status IN ('PUBLISHED', 'RESUBMITTED')""";

	static final String MARK_COMPLETED = """
			UPDATE app.event_publication
			SET status = 'COMPLETED',
			    completion_date = ?
			WHERE id = ?""";

	private static final Log LOG = new Log("booking-bench");

	private final Database db;
	private final BlockingQueue<UUID> queue = new LinkedBlockingQueue<>();
	private final Connection connection;
	private final Thread thread;
	private volatile boolean running = true;

	OutboxMarks(Database db) throws SQLException {
		this.db = db;
		connection = db.connect(false);
		thread = new Thread(this::writeUntilClosed, "bench-outbox-marks");
		thread.setDaemon(true);
		thread.start();
	}

	/** After a commit: queues the marks of its events' listeners, when the phase mirrors the outbox at all. */
	static void afterCommit(OutboxMarks marks, List<UUID> events) {
		if (marks != null) {
			marks.queue.addAll(events);
		}
	}

	private void writeUntilClosed() {
		List<UUID> batch = new ArrayList<>();
		while (running) {
			try {
				batch.add(queue.take());
				queue.drainTo(batch, 499);
				Timestamp now = Timestamp.from(Instant.now());
				db.begin(connection, db.jobsRole(), null, "job:outbox-marks");
				try (PreparedStatement processing = connection.prepareStatement(MARK_PROCESSING);
						PreparedStatement completed = connection.prepareStatement(MARK_COMPLETED)) {
					for (UUID id : batch) {
						processing.setObject(1, id);
						processing.addBatch();
						completed.setTimestamp(1, now);
						completed.setObject(2, id);
						completed.addBatch();
					}
					processing.executeBatch();
					completed.executeBatch();
				}
				connection.commit();
				batch.clear();
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (SQLException ex) {
				LOG.line("outbox marks: " + ex.getMessage());
				batch.clear();
			}
		}
	}

	@Override
	public void close() throws Exception {
		running = false;
		thread.interrupt();
		thread.join(10_000);
		connection.close();
	}
}
