package io.getaways.review.internal;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import io.getaways.platform.InvalidParameterException;
import io.getaways.review.Review;
import io.getaways.review.ReviewListing;
import io.getaways.review.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "Reviews", description = "Published reviews of trips and stays; only travellers with a completed booking "
		+ "write them, once per trip or stay. Reviews never name their author.")
class ReviewController {

	private static final String CODE = "[A-Za-z0-9]{1,20}";

	private static final String CODE_MESSAGE = "must be 1 to 20 letters or digits";

	private final Reviews reviews;

	ReviewController(Reviews reviews) {
		this.reviews = reviews;
	}

	@GetMapping
	@Operation(summary = "Reviews of one trip or one stay, newest first, with its average rating",
			description = "Public. Exactly one of trip and stay is required.")
	@ApiResponse(responseCode = "200", description = "A page of reviews",
			content = @Content(
					examples = @ExampleObject("""
							{"tripCode": "GALR210214", "stayCode": null, "ratingAverage": 4.50, "reviewCount": 2,
							 "items": [{"id": "0d1f7f0e-4c35-4a8e-b7d5-3c1f0f9d2a61", "tripCode": "GALR210214", "stayCode": null,
							            "rating": 5, "text": "Clear water, kind crew.", "createdAt": "2026-03-02T09:15:00Z",
							            "updatedAt": "2026-03-02T09:15:00Z"}],
							 "page": 0, "size": 20, "totalItems": 2, "totalPages": 1}""")))
	@ApiResponse(responseCode = "400", description = "Neither or both of trip and stay, or a malformed one")
	@ApiResponse(responseCode = "404", description = "No such trip or stay")
	ReviewListingResponse list(
			@RequestParam(required = false) @Pattern(regexp = CODE, message = CODE_MESSAGE) String trip,
			@RequestParam(required = false) @Pattern(regexp = CODE, message = CODE_MESSAGE) String stay,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Reviews.MAX_PAGE_SIZE) int size) {
		if (trip != null && stay != null) {
			throw new InvalidParameterException("stay", "must not be given together with trip");
		}
		if (trip == null && stay == null) {
			throw new InvalidParameterException("trip", "either trip or stay is required");
		}
		ReviewListing.Subject subject = trip != null ? ReviewListing.Subject.TRIP : ReviewListing.Subject.STAY;
		String code = (trip != null ? trip : stay).toUpperCase(Locale.ROOT);
		return ReviewListingResponse.of(reviews.list(subject, code, page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One review", description = "Public.")
	@ApiResponse(responseCode = "404", description = "No such review")
	Review find(@PathVariable UUID id) {
		return reviews.find(id).orElseThrow(() -> new ReviewNotFoundException(id));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('review:write')")
	@Operation(summary = "Review the trip or stay of one of my completed bookings",
			description = "Needs the permission review:write (travellers). One review per traveller per trip or stay.")
	@ApiResponse(responseCode = "201", description = "Posted; Location names the review")
	@ApiResponse(responseCode = "400", description = "bookingId, rating or text invalid; errors[].parameter names it")
	@ApiResponse(responseCode = "404", description = "No booking of mine with this id",
			content = @Content(examples = @ExampleObject("""
					{"status": 404, "detail": "Booking 5b0c8e0e-8d8c-4d3e-9d6f-0a7c1c2b9e11 not found"}""")))
	@ApiResponse(responseCode = "409",
			description = "The booking is not completed, or I already reviewed its trip or stay", content = @Content(
					examples = @ExampleObject("""
							{"status": 409, "bookingStatus": "CONFIRMED",
							 "detail": "Booking 5b0c8e0e-8d8c-4d3e-9d6f-0a7c1c2b9e11 is CONFIRMED; only a completed booking can be reviewed"}""")))
	ResponseEntity<Review> post(@RequestBody ReviewRequest request) {
		Review review = reviews.post(request.booking(), request.stars(), request.words());
		return ResponseEntity.created(URI.create("/api/v1/reviews/" + review.id())).body(review);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('review:write')")
	@Operation(summary = "Replace the rating and text of my review",
			description = "bookingId, if sent, is ignored. An absent or blank text removes it.")
	@ApiResponse(responseCode = "404", description = "No review of mine with this id")
	Review update(@PathVariable UUID id, @RequestBody ReviewRequest request) {
		return reviews.update(id, request.stars(), request.words());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('review:write') or hasRole('ADMIN')")
	@Operation(summary = "Delete my review, or any review as an admin moderating")
	@ApiResponse(responseCode = "404", description = "No such review, or, for a traveller, not theirs")
	void delete(@PathVariable UUID id) {
		reviews.delete(id);
	}

}
