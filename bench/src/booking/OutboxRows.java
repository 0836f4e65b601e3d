package booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The outbox row that the service's event publication registry inserts for each listener of an event, in the
 * transaction that publishes it.
 */
final class OutboxRows {

	static final String PUBLISH = """
			INSERT INTO app.event_publication (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS,
			  COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private OutboxRows() {
	}

	static UUID publish(Connection tx, String type, String listener, String json) throws SQLException {
		UUID id = UUID.randomUUID();
		try (PreparedStatement insert = tx.prepareStatement(PUBLISH)) {
			insert.setObject(1, id);
			insert.setString(2, type);
			insert.setString(3, listener);
			insert.setTimestamp(4, Timestamp.from(Instant.now()));
			insert.setString(5, json);
			insert.setString(6, "PUBLISHED");
			insert.setInt(7, 1);
			insert.setTimestamp(8, null);
			insert.executeUpdate();
		}
		return id;
	}
}
