package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.getaways.booking.BookingStatus;
import io.getaways.booking.ImportedTripBooking;
import io.getaways.booking.ImportedTripBookingOutcome;
import io.getaways.catalog.BookableTrip;
import io.getaways.catalog.Inventory;
import io.getaways.catalog.ListingStatus;
import io.getaways.platform.StagingTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imported trip bookings, many at a time: what {@link BookingImports} does for one
 * booking, with one statement per step for the whole batch. The seats are counted here in
 * the bookings' order against the locked trips, exactly as one booking after another
 * would take them, so the outcome does not depend on the batch size; the conditional seat
 * update and the table's CHECK constraints stay behind that count.
 */
@Component
class BulkTripBookings {

	private static final String STAGING_COLUMNS = """
			ord integer, id uuid, user_id uuid, trip_id bigint, seats integer, starts_at timestamptz,
			ends_at timestamptz, unit_price numeric(12, 2), currency char(3), status text, booked_at timestamptz,
			completed_at timestamptz""";

	// In its final state, in one INSERT: the insert trigger allows that to the import's
	// actor only (changeset 027), and the audit trigger records the booking once, as
	// imported so.
	private static final String INSERT = """
			INSERT INTO app.bookings
			  (id, user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount, currency,
			   status, confirmed_at, completed_at, cancelled_at, cancellation_reason, created_at)
			SELECT id, user_id, trip_id, seats, starts_at, ends_at, unit_price, seats, unit_price * seats, currency,
			       status,
			       CASE WHEN status IN ('CONFIRMED', 'COMPLETED') THEN booked_at END,
			       CASE WHEN status = 'COMPLETED' THEN completed_at END,
			       CASE WHEN status = 'CANCELLED' THEN booked_at END,
			       CASE WHEN status = 'CANCELLED' THEN 'ADMIN' END,
			       booked_at
			FROM pg_temp.import_trip_bookings
			ORDER BY ord""";

	private final Inventory inventory;

	private final StagingTables staging;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	BulkTripBookings(Inventory inventory, StagingTables staging, JdbcClient jdbc, TransactionTemplate transactions) {
		this.inventory = inventory;
		this.staging = staging;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	List<ImportedTripBookingOutcome> importTrips(List<ImportedTripBooking> bookings) {
		return transactions.execute(status -> {
			Set<String> codes = new LinkedHashSet<>();
			bookings.forEach(booking -> codes.add(booking.tripCode()));
			Map<String, BookableTrip> trips = new HashMap<>();
			inventory.tripsForBooking(codes).forEach(trip -> trips.put(trip.code(), trip));
			Map<Long, Integer> left = new HashMap<>();
			trips.values().forEach(trip -> left.put(trip.id(), trip.seatsLeft()));
			ImportedTripBookingOutcome[] outcomes = new ImportedTripBookingOutcome[bookings.size()];
			Map<Long, Integer> taken = new LinkedHashMap<>();
			List<List<?>> rows = new ArrayList<>();
			for (int i = 0; i < bookings.size(); i++) {
				ImportedTripBooking booking = bookings.get(i);
				BookableTrip trip = trips.get(booking.tripCode());
				ImportedTripBookingOutcome refused = refusal(booking, trip, left);
				if (refused != null) {
					outcomes[i] = refused;
					continue;
				}
				if (booking.status() != BookingStatus.CANCELLED) {
					left.merge(trip.id(), -booking.seats(), Integer::sum);
					taken.merge(trip.id(), booking.seats(), Integer::sum);
				}
				UUID id = UUID.randomUUID();
				outcomes[i] = ImportedTripBookingOutcome.inserted(id);
				rows.add(row(i, id, booking, trip));
			}
			inventory.reserveSeats(taken);
			if (!rows.isEmpty()) {
				staging.fill("import_trip_bookings", STAGING_COLUMNS, rows);
				expect(INSERT, rows.size());
			}
			return Arrays.asList(outcomes);
		});
	}

	private static ImportedTripBookingOutcome refusal(ImportedTripBooking booking, BookableTrip trip,
			Map<Long, Integer> left) {
		if (booking.status() == null || booking.status() == BookingStatus.PENDING) {
			return ImportedTripBookingOutcome.rejected("status", "must be CONFIRMED, COMPLETED or CANCELLED");
		}
		if (booking.seats() < 1) {
			return ImportedTripBookingOutcome.rejected("seats", "must be 1 or more");
		}
		if (booking.unitPrice() != null && booking.unitPrice().signum() < 0) {
			return ImportedTripBookingOutcome.rejected("unitPrice", "must not be negative");
		}
		if (trip == null) {
			return ImportedTripBookingOutcome.rejected("trip_code", "no trip has this code");
		}
		if (booking.status() == BookingStatus.CANCELLED) {
			return null;
		}
		if (trip.status() != ListingStatus.ACTIVE) {
			return ImportedTripBookingOutcome.rejected("trip_code",
					"trip " + trip.code() + " is " + trip.status() + ", not bookable");
		}
		int seatsLeft = left.get(trip.id());
		if (booking.seats() > seatsLeft) {
			return ImportedTripBookingOutcome.rejected("seats",
					"trip " + trip.code() + " has only " + seatsLeft + " seat(s) left");
		}
		return null;
	}

	private static List<?> row(int ord, UUID id, ImportedTripBooking booking, BookableTrip trip) {
		BigDecimal unitPrice = booking.unitPrice() != null ? booking.unitPrice() : trip.pricePerPerson();
		Instant completed = null;
		if (booking.status() == BookingStatus.COMPLETED) {
			completed = trip.returnsAt().isAfter(booking.bookedAt()) ? trip.returnsAt() : booking.bookedAt();
		}
		return Arrays.asList(ord, id, booking.userId(), trip.id(), booking.seats(), trip.departsAt(), trip.returnsAt(),
				unitPrice.toPlainString(), trip.currency(), booking.status().name(), booking.bookedAt(), completed);
	}

	private void expect(String statement, int rows) {
		int changed = jdbc.sql(statement).update();
		if (changed != rows) {
			throw new IllegalStateException(
					"Imported bookings: " + changed + " row(s) changed where " + rows + " were expected");
		}
	}

}
