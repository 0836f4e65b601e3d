package io.getaways.review.internal;

import java.util.UUID;

import io.getaways.platform.DomainException;

/**
 * No such review, or, for a change, none the caller may change: both look the same to the
 * caller.
 */
class ReviewNotFoundException extends DomainException {

	ReviewNotFoundException(UUID reviewId) {
		super(Kind.NOT_FOUND, "Review " + reviewId + " not found");
	}

}
