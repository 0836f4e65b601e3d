package io.getaways.review.internal;

import java.math.BigDecimal;
import java.util.List;

import io.getaways.review.Review;
import io.getaways.review.ReviewListing;
import io.getaways.review.ReviewPage;

record ReviewListingResponse(String tripCode, String stayCode, BigDecimal ratingAverage, int reviewCount,
		List<Review> items, int page, int size, long totalItems, long totalPages) {

	static ReviewListingResponse of(ReviewListing listing) {
		boolean trip = listing.subject() == ReviewListing.Subject.TRIP;
		ReviewPage page = listing.reviews();
		return new ReviewListingResponse(trip ? listing.code() : null, trip ? null : listing.code(),
				listing.ratingAverage(), listing.reviewCount(), page.items(), page.page(), page.size(),
				page.totalItems(), page.totalPages());
	}
}
