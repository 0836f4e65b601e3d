package io.getaways.review.internal;

import java.sql.Timestamp;
import java.util.UUID;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.NotAllowedException;
import io.getaways.review.ImportedReview;
import io.getaways.review.Review;
import io.getaways.review.ReviewPosted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews brought in from another system, as an admin, in the caller's transaction. The
 * eligibility trigger has the last word, as for a traveller's review; the event is the
 * same, so cached ratings follow.
 */
@Component
class ReviewImports {

	private static final String INSERT = """
			INSERT INTO app.reviews (booking_id, user_id, rating, body, created_at, updated_at)
			VALUES (:bookingId, :userId, :rating, :body, :at, :at)
			RETURNING id""";

	private final JdbcClient jdbc;

	private final ReviewRepository reviews;

	private final ApplicationEventPublisher events;

	ReviewImports(JdbcClient jdbc, ReviewRepository reviews, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Review importReview(ImportedReview review) {
		if (ActorContext.current().role() != Actor.Role.ADMIN) {
			throw new NotAllowedException("Importing reviews needs the admin role");
		}
		UUID id = jdbc.sql(INSERT)
			.param("bookingId", review.bookingId())
			.param("userId", review.authorId())
			.param("rating", ReviewRules.rating(review.rating()))
			.param("body", ReviewRules.text(review.text()))
			.param("at", Timestamp.from(review.reviewedAt()))
			.query(UUID.class)
			.single();
		Review written = reviews.find(id).orElseThrow();
		events.publishEvent(new ReviewPosted(written.id(), written.tripCode(), written.stayCode(), written.rating()));
		return written;
	}

}
