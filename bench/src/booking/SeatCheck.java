package booking;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The arithmetic after the load: {@code oversold} is the sum of seats_booked - capacity where positive, over the run's
 * trips; {@code mismatches} counts trips whose seats_booked differs from the seats of their live bookings.
 */
public record SeatCheck(long oversold, long mismatches) {

	public static SeatCheck read(Database db, List<String> trips) throws SQLException {
		try (Connection connection = db.connect(false)) {
			db.begin(connection, db.jobsRole(), null, "job:bench-booking");
			Array codes = connection.createArrayOf("text", trips.toArray());
			try (PreparedStatement sql = connection.prepareStatement("""
					SELECT coalesce(sum(greatest(0, t.seats_booked - t.capacity)), 0),
					       count(*) FILTER (WHERE t.seats_booked <> (SELECT coalesce(sum(b.seats), 0)
					                                                 FROM app.bookings b
					                                                 WHERE b.trip_id = t.id
					                                                   AND b.status IN ('PENDING', 'CONFIRMED')))
					FROM app.trips t
					WHERE t.code = ANY (?)""")) {
				sql.setArray(1, codes);
				try (ResultSet row = sql.executeQuery()) {
					row.next();
					SeatCheck result = new SeatCheck(row.getLong(1), row.getLong(2));
					connection.commit();
					return result;
				}
			}
		}
	}

	public boolean holds() {
		return oversold == 0 && mismatches == 0;
	}
}
