package io.getaways.review.internal;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.NotAllowedException;
import io.getaways.review.ImportedReview;
import io.getaways.review.Review;
import io.getaways.review.ReviewListing;
import io.getaways.review.ReviewPage;
import io.getaways.review.ReviewPosted;
import io.getaways.review.Reviews;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every write is one transaction under the caller's database role: row-level security
 * decides whose review it may touch, the eligibility trigger has the last word on who may
 * review, and the rating trigger moves the trip's or stay's average with it.
 * {@link ReviewPosted} goes to the outbox in the same transaction.
 */
@Service
class ReviewService implements Reviews {

	private final ReviewRepository reviews;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate readWrite;

	private final TransactionTemplate readOnly;

	private final ReviewImports imports;

	ReviewService(ReviewRepository reviews, ApplicationEventPublisher events, TransactionTemplate transactions,
			ReviewImports imports) {
		this.imports = imports;
		this.reviews = reviews;
		this.events = events;
		this.readWrite = transactions;
		// one snapshot per read, so that a page and the review count beside it agree
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	@Override
	public Review post(UUID bookingId, int rating, String text) {
		UUID author = travellerActingAsThemselves();
		int checkedRating = ReviewRules.rating(rating);
		String body = ReviewRules.text(text);
		return readWrite.execute(status -> {
			Eligibility eligibility = reviews.eligibility(bookingId)
				.orElseThrow(() -> new BookingNotFoundException(bookingId));
			if (!eligibility.completed()) {
				throw BookingNotReviewableException.inStatus(bookingId, eligibility.status());
			}
			if (eligibility.alreadyReviewed()) {
				throw new AlreadyReviewedException(eligibility);
			}
			UUID id;
			try {
				id = reviews.insert(bookingId, author, checkedRating, body);
			}
			catch (DataIntegrityViolationException ex) {
				throw raceLost(ex, bookingId, eligibility);
			}
			return published(reviews.find(id).orElseThrow());
		});
	}

	@Override
	public Review importReview(ImportedReview review) {
		return imports.importReview(review);
	}

	@Override
	public Review update(UUID reviewId, int rating, String text) {
		travellerActingAsThemselves();
		int checkedRating = ReviewRules.rating(rating);
		String body = ReviewRules.text(text);
		return readWrite.execute(status -> {
			if (reviews.update(reviewId, checkedRating, body) == 0) {
				throw new ReviewNotFoundException(reviewId);
			}
			return published(reviews.find(reviewId).orElseThrow());
		});
	}

	@Override
	public void delete(UUID reviewId) {
		Actor.Role role = ActorContext.current().role();
		if (role != Actor.Role.CUSTOMER && role != Actor.Role.ADMIN) {
			throw new NotAllowedException("Reviews are deleted by their author or by an admin");
		}
		readWrite.executeWithoutResult(status -> {
			// read first: the trip or stay of a review never changes, and the event must
			// name it
			Review review = reviews.find(reviewId).orElseThrow(() -> new ReviewNotFoundException(reviewId));
			if (reviews.delete(reviewId) == 0) {
				throw new ReviewNotFoundException(reviewId);
			}
			published(review);
		});
	}

	@Override
	public Optional<Review> find(UUID reviewId) {
		return publicRead(() -> reviews.find(reviewId));
	}

	@Override
	public ReviewListing list(ReviewListing.Subject kind, String code, int page, int size) {
		return publicRead(() -> {
			ReviewRepository.Subject subject = reviews.subject(kind, code)
				.orElseThrow(() -> new SubjectNotFoundException(kind, code));
			ReviewPage reviewPage = new ReviewPage(reviews.ofSubject(kind, subject.id(), size, (long) page * size),
					page, size, subject.reviewCount());
			return new ReviewListing(kind, code, subject.ratingAverage(), subject.reviewCount(), reviewPage);
		});
	}

	@Override
	public ReviewPage mine(int page, int size) {
		String userId = ActorContext.current().userId();
		if (userId == null) {
			throw new NotAllowedException("Own reviews need a signed-in user");
		}
		UUID author = UUID.fromString(userId);
		return publicRead(() -> new ReviewPage(reviews.byAuthor(author, size, (long) page * size), page, size,
				reviews.countByAuthor(author)));
	}

	private Review published(Review review) {
		events.publishEvent(new ReviewPosted(review.id(), review.tripCode(), review.stayCode(), review.rating()));
		return review;
	}

	/**
	 * Reviews are written by travellers under the customer role, whose grants and
	 * policies allow exactly that; an admin moderates by deleting.
	 */
	/**
	 * What the review page tells before a review is written: whether the caller's booking
	 * is completed and already reviewed; empty when it is unknown or someone else's.
	 */
	Optional<Eligibility> eligibility(UUID bookingId) {
		travellerActingAsThemselves();
		return readOnly.execute(status -> reviews.eligibility(bookingId));
	}

	/**
	 * The caller's own review of the booking's trip or stay, which the review page edits;
	 * empty when there is none.
	 */
	Optional<Review> ownReview(Eligibility eligibility) {
		UUID author = travellerActingAsThemselves();
		return readOnly.execute(status -> reviews.byAuthorOf(author, eligibility.tripCode(), eligibility.stayCode()));
	}

	private static UUID travellerActingAsThemselves() {
		Actor actor = ActorContext.current();
		if (actor.role() != Actor.Role.CUSTOMER || actor.userId() == null) {
			throw new NotAllowedException("Reviews are written by travellers signed in as themselves");
		}
		return UUID.fromString(actor.userId());
	}

	/**
	 * Published reviews are read under the customer role, the role of the public, whoever
	 * asks: an auditor's or a job's role may not read them, and an admin's would show
	 * nothing more.
	 */
	private <T> T publicRead(Supplier<T> read) {
		return ActorContext.callAs(ActorContext.current().as(Actor.Role.CUSTOMER),
				() -> readOnly.execute(status -> read.get()));
	}

	/**
	 * The database refused what the check above allowed: a concurrent review, or a
	 * booking changed in between.
	 */
	private static RuntimeException raceLost(DataIntegrityViolationException ex, UUID bookingId,
			Eligibility eligibility) {
		String state = sqlState(ex);
		if ("23505".equals(state)) {
			return new AlreadyReviewedException(eligibility);
		}
		if ("23514".equals(state)) {
			return BookingNotReviewableException.refusedByDatabase(bookingId);
		}
		return ex;
	}

	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
