package booking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import support.CpuUse;

/**
 * The cycle over the raw drivers ({@link RawCycle}) in a closed loop, one JDBC connection per client like the SQL
 * phase; the after-commit work still queued when the clients stop is waited for inside the phase, so its time and
 * CPU count.
 */
public final class RawPhase {

	private RawPhase() {
	}

	public static Phase run(Database db, RawStores stores, List<Traveller> travellers, List<String> trips,
			Duration length, CpuUse.Probe cpu) throws Exception {
		List<Connection> connections = new ArrayList<>();
		try (OutboxMarks marks = new OutboxMarks(db)) {
			for (int i = 0; i < travellers.size(); i++) {
				connections.add(db.connect(false));
			}
			RawCycle cycle = new RawCycle(db, stores, marks);
			return Clients.run(travellers.size(), length, cpu, stores::drain, (index, deadline) -> {
				Tally tally = new Tally();
				Traveller traveller = travellers.get(index);
				Connection tx = connections.get(index);
				while (System.nanoTime() < deadline) {
					String trip = trips.get(ThreadLocalRandom.current().nextInt(trips.size()));
					long start = System.nanoTime();
					try {
						long afterBook = cycle.run(tx, traveller, trip);
						long end = System.nanoTime();
						tally.book.add(afterBook - start);
						tally.pay.add(end - afterBook);
						tally.cycle.add(end - start);
					}
					catch (SQLException ex) {
						tally.error(ex.getSQLState() + " " + ex.getMessage());
					}
				}
				return tally;
			});
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
	}
}
