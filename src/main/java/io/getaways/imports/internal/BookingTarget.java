package io.getaways.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.Bookings;
import io.getaways.booking.ImportedTripBooking;
import io.getaways.booking.ImportedTripBookingOutcome;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;

/**
 * Trip bookings through the booking module's API, by reference: the traveller by email
 * and the trip by code, both imported before (by an earlier entity of the same mapping or
 * an earlier import). The reference is kept in {@code app.import_references}.
 */
final class BookingTarget implements BulkTarget<BookingTarget.ImportedBooking> {

	private static final Pattern REFERENCE = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

	private final Bookings bookings;

	private final Identity identity;

	private final Catalog catalog;

	private final ImportReferences references;

	/** Trips this run's bookings took seats of, announced when the bookings are done. */
	private final Set<String> seatsTaken = new HashSet<>();

	private final TargetContent content;

	BookingTarget(Bookings bookings, Identity identity, Catalog catalog, ImportReferences references,
			TargetContent content) {
		this.content = content;
		this.bookings = bookings;
		this.identity = identity;
		this.catalog = catalog;
		this.references = references;
	}

	/**
	 * {@code bookedAtGiven}: false when the source gave no time and the import's own
	 * stands in.
	 */
	record ImportedBooking(String reference, String userEmail, String tripCode, int seats, BigDecimal unitPrice,
			BookingStatus status, Instant bookedAt, boolean bookedAtGiven) {
	}

	@Override
	public ImportedBooking row(Map<String, Object> fields) {
		String reference = ImportTarget.text(fields, "reference", 64, true);
		if (!REFERENCE.matcher(reference).matches()) {
			throw new RowRejectedException("reference", "must be 1 to 64 letters, digits, '.', '_' or '-'");
		}
		String email = ImportTarget.text(fields, "user_email", 254, true).toLowerCase(Locale.ROOT);
		String trip = ImportTarget.text(fields, "trip_code", 20, true).toUpperCase(Locale.ROOT);
		int seats = Conversions.integer("seats", fields.getOrDefault("seats", 1));
		if (seats < 1 || seats > 1000) {
			throw new RowRejectedException("seats", "must be between 1 and 1000");
		}
		BigDecimal unitPrice = null;
		Object price = fields.get("unit_price");
		if (price instanceof Conversions.Money money) {
			unitPrice = money.amount();
		}
		else if (price != null) {
			unitPrice = Conversions.decimal("unit_price", price);
		}
		if (unitPrice != null && unitPrice.signum() < 0) {
			throw new RowRejectedException("unit_price", "must not be negative");
		}
		return new ImportedBooking(reference, email, trip, seats, unitPrice, status(fields), bookedAt(fields),
				fields.get("booked_at") != null);
	}

	static BookingStatus status(Map<String, Object> fields) {
		String status = ImportTarget.text(fields, "status", 20, false);
		if (status == null) {
			return BookingStatus.CONFIRMED;
		}
		try {
			BookingStatus parsed = BookingStatus.valueOf(status.toUpperCase(Locale.ROOT));
			if (parsed != BookingStatus.PENDING) {
				return parsed;
			}
		}
		catch (IllegalArgumentException ex) {
			// named below
		}
		throw new RowRejectedException("status", "must be CONFIRMED, COMPLETED or CANCELLED");
	}

	private static Instant bookedAt(Map<String, Object> fields) {
		Object value = fields.get("booked_at");
		if (value == null) {
			return Instant.now();
		}
		return value instanceof Instant instant ? instant : Conversions.instant("booked_at", value);
	}

	@Override
	public void checkReferences(ImportedBooking row, KnownKeys known) {
		if (!known.has("users", row.userEmail()) && !identity.userExists(row.userEmail())) {
			throw new RowRejectedException("user_email", "no account has this email; import users first");
		}
		if (!known.has("trips", row.tripCode()) && catalog.findTrip(row.tripCode()).isEmpty()) {
			throw new RowRejectedException("trip_code", "no trip has this code; import trips first");
		}
	}

	@Override
	public String key(ImportedBooking row) {
		return row.reference();
	}

	@Override
	public boolean exists(ImportedBooking row) {
		return references.exists("bookings", row.reference());
	}

	@Override
	public void insert(ImportedBooking row) {
		var userId = identity.findUserId(row.userEmail())
			.orElseThrow(() -> new RowRejectedException("user_email", "no account has this email"));
		Booking booking = bookings.importTripBooking(new ImportedTripBooking(userId, row.tripCode(), row.seats(),
				row.unitPrice(), row.status(), row.bookedAt()));
		references.save("bookings", row.reference(), booking.id());
	}

	@Override
	public KnownKeys references(List<ImportedBooking> rows, KnownKeys known) {
		Set<String> users = identity.findUserIds(rows.stream().map(ImportedBooking::userEmail).distinct().toList())
			.keySet();
		Set<String> trips = catalog.takenTripCodes(rows.stream().map(ImportedBooking::tripCode).distinct().toList());
		return (target, key) -> known.has(target, key) || ("users".equals(target) ? users : trips).contains(key);
	}

	@Override
	public Set<String> existing(List<ImportedBooking> rows) {
		return references.existing("bookings", rows.stream().map(ImportedBooking::reference).toList());
	}

	@Override
	public List<Outcome> insertAll(List<ImportedBooking> rows) {
		Map<String, UUID> users = identity
			.findUserIds(rows.stream().map(ImportedBooking::userEmail).collect(Collectors.toSet()));
		Outcome[] outcomes = new Outcome[rows.size()];
		List<Integer> positions = new ArrayList<>(rows.size());
		List<ImportedTripBooking> bookable = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			ImportedBooking row = rows.get(i);
			UUID userId = users.get(row.userEmail());
			if (userId == null) {
				outcomes[i] = Outcome.rejected("user_email", "no account has this email");
				continue;
			}
			positions.add(i);
			bookable.add(new ImportedTripBooking(userId, row.tripCode(), row.seats(), row.unitPrice(), row.status(),
					row.bookedAt()));
		}
		List<String> keys = new ArrayList<>(bookable.size());
		List<UUID> ids = new ArrayList<>(bookable.size());
		List<ImportedTripBookingOutcome> results = bookable.isEmpty() ? List.of()
				: bookings.importTripBookings(bookable);
		for (int j = 0; j < results.size(); j++) {
			int i = positions.get(j);
			ImportedTripBookingOutcome result = results.get(j);
			if (result.isRejected()) {
				outcomes[i] = Outcome.rejected(result.field(), result.reason());
			}
			else {
				outcomes[i] = Outcome.INSERTED;
				if (rows.get(i).status() != BookingStatus.CANCELLED) {
					seatsTaken.add(rows.get(i).tripCode());
				}
				keys.add(rows.get(i).reference());
				ids.add(result.bookingId());
			}
		}
		references.saveAll("bookings", keys, ids);
		return Arrays.asList(outcomes);
	}

	/**
	 * One TripChanged per trip the run's bookings took seats of, instead of one per trip
	 * and batch: each is an outbox entry and a cache eviction.
	 */
	@Override
	public void finish() {
		bookings.announceImportedSeats(List.copyOf(seatsTaken));
		seatsTaken.clear();
	}

	/**
	 * What the source determines: a unit price or booking time it did not give (the
	 * trip's price, the time of the import stand in) is left out, on both sides, so a
	 * re-run compares like with like.
	 */
	@Override
	public String canonical(ImportedBooking row) {
		return ImportTarget.joined(row.reference(), row.userEmail(), row.tripCode(), Integer.toString(row.seats()),
				row.unitPrice() == null ? "" : TargetContent.decimal(row.unitPrice()), row.status().name(),
				row.bookedAtGiven() ? TargetContent.instant(row.bookedAt()) : "");
	}

	@Override
	public List<String> readBack(List<ImportedBooking> rows) {
		Map<String, String[]> found = content.tripBookings(rows.stream().map(ImportedBooking::reference).toList());
		return rows.stream().map(row -> {
			String[] stored = found.get(row.reference());
			if (stored == null) {
				return null;
			}
			return ImportTarget.joined(row.reference(), stored[0], stored[1], stored[2],
					row.unitPrice() == null ? "" : stored[3], stored[4], row.bookedAtGiven() ? stored[5] : "");
		}).toList();
	}

	@Override
	public boolean readsBack() {
		return true;
	}

}
