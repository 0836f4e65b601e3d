package io.getaways.review.internal;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** One review per traveller per trip or stay, however many times they went. */
class AlreadyReviewedException extends ApiException {

	AlreadyReviewedException(Eligibility eligibility) {
		super(HttpStatus.CONFLICT, "You have already reviewed " + eligibility.describeSubject()
				+ "; change or delete that review instead");
	}
}
