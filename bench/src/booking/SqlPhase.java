package booking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import support.CpuUse;

/**
 * The same cycle as the API phase, sent straight over JDBC as the application role: one connection per client, so the
 * database does the service's transactions without the service. With {@code withOutbox}, also the outbox's
 * after-commit work ({@link OutboxMarks}, and the notification listener's empty transaction on a second connection).
 */
public final class SqlPhase {

	private SqlPhase() {
	}

	/** Connections are opened before and closed after the phase, so their backends' CPU is in its figures. */
	public static Phase run(Database db, List<Traveller> travellers, List<String> trips, Duration length,
			CpuUse.Probe cpu, boolean withOutbox) throws Exception {
		List<Connection[]> connections = new ArrayList<>();
		try {
			for (int i = 0; i < travellers.size(); i++) {
				connections.add(new Connection[] { db.connect(false), db.connect(false) });
			}
			try (OutboxMarks marks = withOutbox ? new OutboxMarks(db) : null) {
				return run(db, travellers, trips, length, cpu, connections, marks);
			}
		}
		finally {
			for (Connection[] pair : connections) {
				pair[0].close();
				pair[1].close();
			}
		}
	}

	private static Phase run(Database db, List<Traveller> travellers, List<String> trips, Duration length,
			CpuUse.Probe cpu, List<Connection[]> connections, OutboxMarks marks) throws Exception {
		return Clients.run(travellers.size(), length, cpu, (index, deadline) -> {
			Tally tally = new Tally();
			Traveller traveller = travellers.get(index);
			Connection tx = connections.get(index)[0];
			Connection outbox = marks != null ? connections.get(index)[1] : null;
			while (System.nanoTime() < deadline) {
				String trip = trips.get(ThreadLocalRandom.current().nextInt(trips.size()));
				long start = System.nanoTime();
				try {
					UUID bookingId = BookTransaction.run(db, tx, marks, traveller, trip);
					long afterBook = System.nanoTime();
					PayTransaction.run(db, tx, outbox, marks, traveller, bookingId, trip);
					long end = System.nanoTime();
					tally.book.add(afterBook - start);
					tally.pay.add(end - afterBook);
					tally.cycle.add(end - start);
				}
				catch (SQLException ex) {
					tx.rollback();
					if (outbox != null) {
						outbox.rollback();
					}
					tally.error(ex.getSQLState() + " " + ex.getMessage());
				}
			}
			return tally;
		});
	}
}
