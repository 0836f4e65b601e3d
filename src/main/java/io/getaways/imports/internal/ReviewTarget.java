package io.getaways.imports.internal;

import java.time.Instant;
import java.util.Map;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.platform.InvalidParameterException;
import io.getaways.review.ImportedReview;
import io.getaways.review.Review;
import io.getaways.review.Reviews;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reviews through the review module's API, one per booking, by the booking's reference:
 * written as the booking's traveller wrote it in the source, for a COMPLETED booking only
 * (the eligibility trigger has the last word). The trip's or stay's rating follows, and
 * the review's event evicts its cached copy.
 */
final class ReviewTarget extends BookingRowTarget<ReviewTarget.ImportedRow> {

	private final Reviews reviews;

	ReviewTarget(Reviews reviews, ImportedBookings bookings, ImportReferences references,
			TransactionTemplate savepoints) {
		super("reviews", bookings, references, savepoints);
		this.reviews = reviews;
	}

	record ImportedRow(String bookingReference, int rating, String text, Instant reviewedAt) {
	}

	@Override
	public ImportedRow row(Map<String, Object> fields) {
		String booking = TargetFields.reference(fields, "booking_reference");
		if (fields.get("rating") == null) {
			throw new RowRejectedException("rating", "is missing");
		}
		int rating = Conversions.integer("rating", fields.get("rating"));
		if (rating < 1 || rating > 5) {
			throw new RowRejectedException("rating", "must be between 1 and 5");
		}
		String text = ImportTarget.text(fields, "text", Reviews.MAX_TEXT_LENGTH, false);
		return new ImportedRow(booking, rating, text, TargetFields.instantOrNow(fields, "reviewed_at"));
	}

	@Override
	String bookingReference(ImportedRow row) {
		return row.bookingReference();
	}

	@Override
	public String key(ImportedRow row) {
		return row.bookingReference();
	}

	@Override
	public void insert(ImportedRow row) {
		Booking booking = bookings.find(row.bookingReference());
		if (booking.status() != BookingStatus.COMPLETED) {
			throw new RowRejectedException("booking_reference",
					"the booking is " + booking.status() + "; only a COMPLETED booking is reviewed");
		}
		Review review;
		try {
			review = reviews.importReview(
					new ImportedReview(booking.id(), booking.userId(), row.rating(), row.text(), row.reviewedAt()));
		}
		catch (InvalidParameterException ex) {
			throw RowByRow.rejected(ex, ex.parameter());
		}
		imported(row, review.id());
	}

	@Override
	public String canonical(ImportedRow row) {
		return String.join("|", row.bookingReference(), Integer.toString(row.rating()), String.valueOf(row.text()),
				row.reviewedAt().toString());
	}

}
