package io.getaways.review.internal;

import java.util.List;

import io.getaways.review.Review;
import io.getaways.review.ReviewPage;

record ReviewPageResponse(List<Review> items, int page, int size, long totalItems, long totalPages) {

	static ReviewPageResponse of(ReviewPage page) {
		return new ReviewPageResponse(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
	}
}
