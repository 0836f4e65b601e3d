package io.getaways.review.internal;

import io.getaways.platform.DomainException;

/** One review per traveller per trip or stay, however many times they went. */
class AlreadyReviewedException extends DomainException {

	AlreadyReviewedException(Eligibility eligibility) {
		super(Kind.CONFLICT, "You have already reviewed " + eligibility.describeSubject()
				+ "; change or delete that review instead");
	}

}
