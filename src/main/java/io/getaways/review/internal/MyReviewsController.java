package io.getaways.review.internal;

import io.getaways.review.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Under {@code /api/v1/me}, which needs a signed-in caller by URL, rather than
 * {@code /api/v1/reviews/mine}, which the public read rule for {@code /api/v1/reviews/*}
 * would let anyone reach.
 */
@RestController
@Tag(name = "Reviews")
class MyReviewsController {

	private final Reviews reviews;

	MyReviewsController(Reviews reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/api/v1/me/reviews")
	@Operation(summary = "My reviews, newest first")
	ReviewPageResponse mine(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Reviews.MAX_PAGE_SIZE) int size) {
		return ReviewPageResponse.of(reviews.mine(page, size));
	}

}
