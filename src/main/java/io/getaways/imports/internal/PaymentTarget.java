package io.getaways.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

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
final class PaymentTarget extends BookingRowTarget<PaymentTarget.ImportedRow> {

	private final PaymentHistory payments;

	PaymentTarget(PaymentHistory payments, ImportedBookings bookings, ImportReferences references,
			TransactionTemplate savepoints) {
		super("payments", bookings, references, savepoints);
		this.payments = payments;
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
	String bookingReference(ImportedRow row) {
		return row.bookingReference();
	}

	@Override
	public String key(ImportedRow row) {
		return row.reference();
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
		imported(row, receipt.id());
	}

	@Override
	public String canonical(ImportedRow row) {
		return String.join("|", row.reference(), row.bookingReference(),
				row.amount().stripTrailingZeros().toPlainString(), String.valueOf(row.currency()),
				row.captured() ? "CAPTURED" : "FAILED", row.gatewayReference(), String.valueOf(row.failureReason()),
				row.paidAt().toString());
	}

}
