package io.getaways.review;

import java.util.Optional;
import java.util.UUID;

/**
 * Reviews of trips and stays. Writes act as the current actor and check eligibility in
 * the database; reads are public. Failures are
 * {@link io.getaways.platform.DomainException}s naming the booking, review or field at
 * fault.
 */
public interface Reviews {

	int MAX_TEXT_LENGTH = 2000;

	int MAX_PAGE_SIZE = 100;

	/**
	 * The signed-in traveller reviews the trip or stay of their own completed booking,
	 * once per trip or stay.
	 * @param text optional; trimmed, and blank counts as none
	 */
	Review post(UUID bookingId, int rating, String text);

	/**
	 * The author replaces the rating and text of their review; a null or blank text
	 * removes it.
	 */
	Review update(UUID reviewId, int rating, String text);

	/**
	 * The author, or an admin moderating, removes a review; the trip's or stay's rating
	 * follows.
	 */
	void delete(UUID reviewId);

	Optional<Review> find(UUID reviewId);

	/** One trip's or stay's reviews, newest first, with its rating. */
	ReviewListing list(ReviewListing.Subject subject, String code, int page, int size);

	/** The signed-in user's own reviews, newest first. */
	ReviewPage mine(int page, int size);

	/**
	 * Keeps a review written in another system, with its author and date, in the caller's
	 * transaction, as an admin; the booking must be the author's and COMPLETED (the
	 * database refuses it otherwise). Publishes {@link ReviewPosted}, as posting does.
	 */
	Review importReview(ImportedReview review);

}
