package io.getaways.catalog.internal.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.getaways.catalog.BookableStay;
import io.getaways.catalog.BookableTrip;
import io.getaways.catalog.ListingStatus;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The seat arithmetic of {@code app.trips} and the bookable facts of trips and stays. */
@Repository
class InventoryRepository {

	private static final String TRIP_COLUMNS = """
			id, code, departs_at, nights, price_per_person, currency, capacity, seats_booked, status""";

	/*
	 * FOR NO KEY UPDATE is the lock the seat update takes anyway, taken one statement
	 * earlier so that the price read here is still the price when the seats are taken and
	 * until commit. FOR SHARE would not do: two bookings holding it would each wait for
	 * the other to upgrade it, a deadlock on every concurrent pair.
	 */
	private static final String TRIP_FOR_BOOKING = "SELECT " + TRIP_COLUMNS + """

			FROM app.trips
			WHERE code = :code
			FOR NO KEY UPDATE""";

	/* in id order, so two bulk writers lock the same trips in the same order */
	private static final String TRIPS_FOR_BOOKING = "SELECT " + TRIP_COLUMNS + """

			FROM app.trips
			WHERE code = ANY (:codes)
			ORDER BY id
			FOR NO KEY UPDATE""";

	private static final String TRIP_BY_ID = "SELECT " + TRIP_COLUMNS + """

			FROM app.trips
			WHERE id = :id""";

	/*
	 * One row version holds every fact captured, so price, currency and guest limit
	 * always belong together.
	 */
	private static final String STAY_FOR_BOOKING = """
			SELECT id, code, price_per_night, currency, max_guests, status
			FROM app.stays
			WHERE code = :code""";

	private static final String LOCK_STAY_BOOKINGS = """
			SELECT pg_advisory_xact_lock(hashtextextended('app.stays bookings', :id))::text""";

	private static final String RESERVE = """
			UPDATE app.trips
			SET seats_booked = seats_booked + :seats
			WHERE id = :id
			  AND status = 'ACTIVE'
			  AND seats_booked + :seats <= capacity
			RETURNING code""";

	/*
	 * Every reason to refuse is in the WHERE, so that a booking takes its seats and reads
	 * the facts it captures in one statement, under the row lock the update holds until
	 * commit.
	 */
	private static final String RESERVE_ON_TRIP = """
			UPDATE app.trips
			SET seats_booked = seats_booked + :seats
			WHERE code = :code
			  AND status = 'ACTIVE'
			  AND departs_at > now()
			  AND seats_booked + :seats <= capacity
			RETURNING""" + " " + TRIP_COLUMNS;

	private static final String RESERVE_ALL = """
			UPDATE app.trips t
			SET seats_booked = t.seats_booked + r.seats
			FROM unnest(:ids::bigint[], :seats::integer[]) AS r (id, seats)
			WHERE t.id = r.id
			  AND t.status = 'ACTIVE'
			  AND t.seats_booked + r.seats <= t.capacity
			RETURNING t.code""";

	private static final String RELEASE = """
			UPDATE app.trips
			SET seats_booked = seats_booked - :seats
			WHERE id = :id
			  AND seats_booked >= :seats
			RETURNING code""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	InventoryRepository(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	Optional<BookableTrip> lockTrip(String code) {
		return metrics.record(Store.POSTGRES, "inventory.trip-lock",
				() -> jdbc.sql(TRIP_FOR_BOOKING).param("code", code).query(InventoryRepository::mapTrip).optional());
	}

	List<BookableTrip> lockTrips(Collection<String> codes) {
		return metrics.record(Store.POSTGRES, "inventory.trips-lock",
				() -> jdbc.sql(TRIPS_FOR_BOOKING)
					.param("codes", codes.toArray(String[]::new))
					.query(InventoryRepository::mapTrip)
					.list());
	}

	/**
	 * The codes of the trips whose seats were taken; a trip missing from it took none.
	 */
	List<String> reserveAll(Map<Long, Integer> seatsByTrip) {
		Long[] ids = seatsByTrip.keySet().toArray(Long[]::new);
		Integer[] seats = new Integer[ids.length];
		for (int i = 0; i < ids.length; i++) {
			seats[i] = seatsByTrip.get(ids[i]);
		}
		return metrics.record(Store.POSTGRES, "inventory.reserve-all",
				() -> jdbc.sql(RESERVE_ALL).param("ids", ids).param("seats", seats).query(String.class).list());
	}

	Optional<BookableTrip> findTrip(long id) {
		return metrics.record(Store.POSTGRES, "inventory.trip-find",
				() -> jdbc.sql(TRIP_BY_ID).param("id", id).query(InventoryRepository::mapTrip).optional());
	}

	Optional<BookableStay> findStay(String code) {
		return metrics.record(Store.POSTGRES, "inventory.stay-find",
				() -> jdbc.sql(STAY_FOR_BOOKING).param("code", code).query(InventoryRepository::mapStay).optional());
	}

	/**
	 * Until the transaction ends, this stay's bookings are placed by this transaction
	 * alone. Concurrent inserts of overlapping nights would each wait for the other in
	 * the exclusion constraint, a cycle PostgreSQL breaks with a deadlock error (40P01)
	 * that a retry can meet again; one at a time, the loser sees the winner's committed
	 * nights and is refused at once. An advisory lock, since a traveller may not lock the
	 * stay's row (that takes UPDATE rights), keyed by a hash of the stay's id.
	 */
	void lockStayBookings(long stayId) {
		metrics.record(Store.POSTGRES, "inventory.stay-lock", () -> {
			jdbc.sql(LOCK_STAY_BOOKINGS).param("id", stayId).query().singleRow();
		});
	}

	/**
	 * The trip's code when the seats were taken; empty when it is missing, inactive or
	 * has too few seats left.
	 */
	Optional<String> reserve(long id, int seats) {
		return metrics.record(Store.POSTGRES, "inventory.reserve",
				() -> jdbc.sql(RESERVE).param("id", id).param("seats", seats).query(String.class).optional());
	}

	/**
	 * The trip's facts after the seats were taken; empty when it is missing, inactive,
	 * departed or has too few seats left.
	 */
	Optional<BookableTrip> reserveOnTrip(String code, int seats) {
		return metrics.record(Store.POSTGRES, "inventory.trip-reserve",
				() -> jdbc.sql(RESERVE_ON_TRIP)
					.param("code", code)
					.param("seats", seats)
					.query(InventoryRepository::mapTrip)
					.optional());
	}

	/**
	 * The trip's code when the seats were given back; empty when it is missing or has
	 * fewer seats booked.
	 */
	Optional<String> release(long id, int seats) {
		return metrics.record(Store.POSTGRES, "inventory.release",
				() -> jdbc.sql(RELEASE).param("id", id).param("seats", seats).query(String.class).optional());
	}

	private static BookableTrip mapTrip(ResultSet row, int rowNumber) throws SQLException {
		return new BookableTrip(row.getLong("id"), row.getString("code"), row.getTimestamp("departs_at").toInstant(),
				row.getInt("nights"), row.getBigDecimal("price_per_person"), row.getString("currency"),
				row.getInt("capacity"), row.getInt("seats_booked"), ListingStatus.valueOf(row.getString("status")));
	}

	private static BookableStay mapStay(ResultSet row, int rowNumber) throws SQLException {
		return new BookableStay(row.getLong("id"), row.getString("code"), row.getBigDecimal("price_per_night"),
				row.getString("currency"), row.getInt("max_guests"), ListingStatus.valueOf(row.getString("status")));
	}

}
