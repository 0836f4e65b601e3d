package io.getaways.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.Bookings;
import io.getaways.booking.ImportedStayBooking;
import io.getaways.booking.StayUnavailableException;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.platform.DomainException;
import io.getaways.platform.InvalidParameterException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stay bookings through the booking module's API, by reference: the traveller by email
 * and the stay by code. Each is written in a savepoint of its own, because what refuses
 * nights taken is the exclusion constraint, and it fails a statement: a booking whose
 * nights overlap another of the same stay is rejected, the rest of the batch goes in. The
 * reference is kept in {@code app.import_references} beside the trip bookings', one
 * namespace of booking references.
 */
final class StayBookingTarget implements BulkTarget<StayBookingTarget.ImportedStay> {

	private final Bookings bookings;

	private final Identity identity;

	private final Catalog catalog;

	private final ImportReferences references;

	private final TransactionTemplate savepoints;

	StayBookingTarget(Bookings bookings, Identity identity, Catalog catalog, ImportReferences references,
			TransactionTemplate savepoints) {
		this.bookings = bookings;
		this.identity = identity;
		this.catalog = catalog;
		this.references = references;
		this.savepoints = savepoints;
	}

	record ImportedStay(String reference, String userEmail, String stayCode, LocalDate checkIn, LocalDate checkOut,
			int guests, BigDecimal unitPrice, BookingStatus status, Instant bookedAt) {
	}

	@Override
	public ImportedStay row(Map<String, Object> fields) {
		String reference = TargetFields.reference(fields, "reference");
		String email = ImportTarget.text(fields, "user_email", 254, true).toLowerCase(Locale.ROOT);
		String stay = ImportTarget.text(fields, "stay_code", 20, true).toUpperCase(Locale.ROOT);
		LocalDate checkIn = TargetFields.day(fields, "check_in");
		LocalDate checkOut;
		if (fields.get("nights") != null) {
			checkOut = checkIn.plusDays(Conversions.integer("nights", fields.get("nights")));
		}
		else {
			checkOut = TargetFields.day(fields, "check_out");
		}
		long nights = ChronoUnit.DAYS.between(checkIn, checkOut);
		if (nights < 1 || nights > 365) {
			throw new RowRejectedException("check_out", "must be 1 to 365 nights after check_in");
		}
		int guests = Conversions.integer("guests", fields.getOrDefault("guests", 1));
		if (guests < 1 || guests > 50) {
			throw new RowRejectedException("guests", "must be between 1 and 50");
		}
		TargetFields.Amount price = TargetFields.amount(fields, "unit_price", false);
		return new ImportedStay(reference, email, stay, checkIn, checkOut, guests, price == null ? null : price.value(),
				BookingTarget.status(fields), TargetFields.instantOrNow(fields, "booked_at"));
	}

	@Override
	public void checkReferences(ImportedStay row, KnownKeys known) {
		if (!known.has("users", row.userEmail()) && !identity.userExists(row.userEmail())) {
			throw new RowRejectedException("user_email", "no account has this email; import users first");
		}
		if (!known.has("stays", row.stayCode()) && catalog.takenStayCodes(List.of(row.stayCode())).isEmpty()) {
			throw new RowRejectedException("stay_code", "no stay has this code; import stays first");
		}
	}

	@Override
	public KnownKeys references(List<ImportedStay> rows, KnownKeys known) {
		Set<String> users = identity.findUserIds(rows.stream().map(ImportedStay::userEmail).distinct().toList())
			.keySet();
		Set<String> stays = catalog.takenStayCodes(rows.stream().map(ImportedStay::stayCode).distinct().toList());
		return (target, key) -> known.has(target, key) || ("users".equals(target) ? users : stays).contains(key);
	}

	@Override
	public String key(ImportedStay row) {
		return row.reference();
	}

	@Override
	public boolean exists(ImportedStay row) {
		return references.exists("bookings", row.reference());
	}

	@Override
	public Set<String> existing(List<ImportedStay> rows) {
		return references.existing("bookings", rows.stream().map(ImportedStay::reference).toList());
	}

	@Override
	public void insert(ImportedStay row) {
		references.save("bookings", row.reference(), write(row).id());
	}

	@Override
	public List<Outcome> insertAll(List<ImportedStay> rows) {
		return RowByRow.insertEach(rows, savepoints, this::insert);
	}

	/** The booking, or the row's rejection in the import's words. */
	private Booking write(ImportedStay row) {
		UUID userId = identity.findUserId(row.userEmail())
			.orElseThrow(() -> new RowRejectedException("user_email", "no account has this email"));
		try {
			return bookings.importStayBooking(new ImportedStayBooking(userId, row.stayCode(), row.checkIn(),
					row.checkOut(), row.guests(), row.unitPrice(), row.status(), row.bookedAt()));
		}
		catch (StayUnavailableException ex) {
			throw new RowRejectedException("check_in", "the nights " + row.checkIn() + " to " + row.checkOut()
					+ " overlap another booking of stay " + row.stayCode() + " (refused by the exclusion constraint)");
		}
		catch (InvalidParameterException ex) {
			throw RowByRow.rejected(ex, ex.parameter().equals("checkOut") ? "check_out" : ex.parameter());
		}
		catch (DomainException ex) {
			throw new RowRejectedException("stay_code", ex.getMessage());
		}
		catch (DataIntegrityViolationException ex) {
			throw new RowRejectedException(null, EntityImport.reason(ex));
		}
	}

	@Override
	public String canonical(ImportedStay row) {
		return String.join("|", row.reference(), row.userEmail(), row.stayCode(), row.checkIn().toString(),
				row.checkOut().toString(), Integer.toString(row.guests()),
				row.unitPrice() == null ? "" : row.unitPrice().stripTrailingZeros().toPlainString(),
				row.status().name(), row.bookedAt().toString());
	}

}
