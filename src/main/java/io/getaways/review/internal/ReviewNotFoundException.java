package io.getaways.review.internal;

import java.util.UUID;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** No such review, or, for a change, none the caller may change: both look the same to the caller. */
class ReviewNotFoundException extends ApiException {

	ReviewNotFoundException(UUID reviewId) {
		super(HttpStatus.NOT_FOUND, "Review " + reviewId + " not found");
	}
}
