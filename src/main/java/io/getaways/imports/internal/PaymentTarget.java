package io.getaways.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.getaways.booking.Booking;
import io.getaways.payment.ImportedPayment;
import io.getaways.payment.PaymentReceipt;
import io.getaways.payment.PaymentHistory;
import io.getaways.platform.InvalidParameterException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments through the payment module's API, recorded as the source took them (no money
 * moves), for a booking imported before, by its reference. The source's payment id or
 * reference is the natural key, kept in {@code app.import_references}. Each row is a
 * savepoint: the table allows one capture per booking, and a second is rejected.
 */
final class PaymentTarget implements BulkTarget<PaymentTarget.ImportedRow> {

	private final PaymentHistory payments;

	private final ImportedBookings bookings;

	private final ImportReferences references;

	private final TransactionTemplate savepoints;

	PaymentTarget(PaymentHistory payments, ImportedBookings bookings, ImportReferences references,
			TransactionTemplate savepoints) {
		this.payments = payments;
		this.bookings = bookings;
		this.references = references;
		this.savepoints = savepoints;
	}

	record ImportedRow(String reference, String bookingReference, BigDecimal amount, String currency, boolean captured,
			String gatewayReference, String failureReason, Instant paidAt) {
	}

	@Override
	public ImportedRow row(Map<String, Object> fields) {
		String reference = TargetFields.reference(fields, "payment_reference");
		String booking = TargetFields.reference(fields, "booking_reference");
		TargetFields.Amount amount = TargetFields.amount(fields, "amount", true);
		if (amount.value().signum() == 0) {
			throw new RowRejectedException("amount", "must be more than zero");
		}
		String currency = TargetFields.currency(fields, amount, false);
		String status = ImportTarget.text(fields, "status", 20, false);
		status = status == null ? "CAPTURED" : status.toUpperCase(Locale.ROOT);
		if (!status.equals("CAPTURED") && !status.equals("FAILED")) {
			throw new RowRejectedException("status", "must be CAPTURED or FAILED");
		}
		String gateway = ImportTarget.text(fields, "gateway_reference", 200, false);
		String failure = ImportTarget.text(fields, "failure_reason", 200, false);
		return new ImportedRow(reference, booking, amount.value(), currency, status.equals("CAPTURED"),
				gateway != null ? gateway : reference, failure, TargetFields.instantOrNow(fields, "paid_at"));
	}

	@Override
	public void checkReferences(ImportedRow row, KnownKeys known) {
		bookings.check(row.bookingReference(), known);
	}

	@Override
	public KnownKeys references(List<ImportedRow> rows, KnownKeys known) {
		return bookings.known(rows.stream().map(ImportedRow::bookingReference).distinct().toList(), known);
	}

	@Override
	public String key(ImportedRow row) {
		return row.reference();
	}

	@Override
	public boolean exists(ImportedRow row) {
		return references.exists("payments", row.reference());
	}

	@Override
	public Set<String> existing(List<ImportedRow> rows) {
		return references.existing("payments", rows.stream().map(ImportedRow::reference).toList());
	}

	@Override
	public void insert(ImportedRow row) {
		Booking booking = bookings.find(row.bookingReference());
		if (row.currency() != null && !row.currency().equals(booking.currency())) {
			throw new RowRejectedException("currency", "must be the booking's currency " + booking.currency());
		}
		PaymentReceipt receipt;
		try {
			receipt = payments.importPayment(new ImportedPayment(booking.id(), booking.userId(), row.amount(),
					booking.currency(), row.captured(), row.gatewayReference(), row.failureReason(), row.paidAt()));
		}
		catch (InvalidParameterException ex) {
			throw RowByRow.rejected(ex,
					ex.parameter().equals("gatewayReference") ? "gateway_reference" : ex.parameter());
		}
		references.save("payments", row.reference(), receipt.id());
	}

	@Override
	public List<Outcome> insertAll(List<ImportedRow> rows) {
		return RowByRow.insertEach(rows, savepoints, this::insert);
	}

	@Override
	public String canonical(ImportedRow row) {
		return String.join("|", row.reference(), row.bookingReference(),
				row.amount().stripTrailingZeros().toPlainString(), String.valueOf(row.currency()),
				row.captured() ? "CAPTURED" : "FAILED", row.gatewayReference(), String.valueOf(row.failureReason()),
				row.paidAt().toString());
	}

}
