package io.getaways.imports.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A target whose rows each belong to a booking imported before, named by its reference
 * (payments, reviews): the booking is found per batch, "already imported" is the row's
 * key in {@code app.import_references} under {@code table}, and each row is written in a
 * savepoint of its own, so a row the target refuses rejects only that row.
 */
abstract class BookingRowTarget<R> implements BulkTarget<R> {

	final ImportedBookings bookings;

	final ImportReferences references;

	private final TransactionTemplate savepoints;

	private final String table;

	BookingRowTarget(String table, ImportedBookings bookings, ImportReferences references,
			TransactionTemplate savepoints) {
		this.table = table;
		this.bookings = bookings;
		this.references = references;
		this.savepoints = savepoints;
	}

	/** The reference of the booking the row belongs to. */
	abstract String bookingReference(R row);

	/** Records that the row's key is now imported as {@code id}. */
	final void imported(R row, UUID id) {
		references.save(table, key(row), id);
	}

	@Override
	public final void checkReferences(R row, KnownKeys known) {
		bookings.check(bookingReference(row), known);
	}

	@Override
	public final KnownKeys references(List<R> rows, KnownKeys known) {
		return bookings.known(rows.stream().map(this::bookingReference).distinct().toList(), known);
	}

	@Override
	public final boolean exists(R row) {
		return references.exists(table, key(row));
	}

	@Override
	public final Set<String> existing(List<R> rows) {
		return references.existing(table, rows.stream().map(this::key).toList());
	}

	@Override
	public final List<Outcome> insertAll(List<R> rows) {
		return RowByRow.insertEach(rows, savepoints, this::insert);
	}

}
