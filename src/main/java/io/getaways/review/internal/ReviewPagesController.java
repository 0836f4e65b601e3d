package io.getaways.review.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.BrowserPage;
import io.getaways.review.Review;
import io.getaways.review.Reviews;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Writing a review after a completed booking, and editing or deleting it afterwards. The
 * page says first whether the booking can be reviewed; the post goes through
 * {@link Reviews#post}, whose database trigger has the last word, or, once the traveller
 * has reviewed the trip or stay, through {@link Reviews#update} and
 * {@link Reviews#delete}, the same operations as {@code PUT} and {@code DELETE
 * /api/v1/reviews/{id}}. Someone else's booking is the "Page not found" page.
 */
@Controller
@BrowserPage
@Hidden
class ReviewPagesController {

	private final ReviewService reviews;

	ReviewPagesController(ReviewService reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/bookings/{id}/review")
	String form(@PathVariable UUID id, Model model, HttpServletResponse response) {
		Eligibility eligibility = eligibility(id);
		model.addAttribute("bookingId", id);
		model.addAttribute("subject", eligibility.describeSubject());
		model.addAttribute("fieldErrors", Map.of());
		Optional<Review> own = own(eligibility);
		if (own.isPresent()) {
			model.addAttribute("editing", true);
			model.addAttribute("rating", own.get().rating());
			model.addAttribute("text", own.get().text() == null ? "" : own.get().text());
			return "review/write";
		}
		model.addAttribute("rating", 0);
		model.addAttribute("text", "");
		String refusal = refusal(eligibility);
		if (refusal != null) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", refusal);
		}
		return "review/write";
	}

	@PostMapping("/bookings/{id}/review")
	String post(@PathVariable UUID id, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String text, Model model, HttpServletResponse response) {
		Eligibility eligibility = eligibility(id);
		model.addAttribute("bookingId", id);
		model.addAttribute("subject", eligibility.describeSubject());
		model.addAttribute("text", text == null ? "" : text);
		model.addAttribute("rating", stars(rating));
		Optional<Review> own = own(eligibility);
		model.addAttribute("editing", own.isPresent());
		String refusal = own.isPresent() ? null : refusal(eligibility);
		if (refusal != null) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", refusal);
			model.addAttribute("fieldErrors", Map.of());
			return "review/write";
		}
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			if (own.isPresent()) {
				reviews.update(own.get().id(), stars(rating), text);
				return "redirect:/bookings/" + id + "?reviewUpdated";
			}
			reviews.post(id, stars(rating), text);
			return "redirect:/bookings/" + id + "?reviewed";
		}
		catch (InvalidParameterException ex) {
			errors.put(ex.parameter(),
					ex.parameter().equals("rating") ? "Choose a rating from 1 to 5 stars."
							: ex.getMessage().contains("NUL") ? "Remove the control characters from the text."
									: "Write at most " + Reviews.MAX_TEXT_LENGTH + " characters.");
		}
		catch (ReviewNotFoundException ex) {
			// deleted meanwhile, in another tab: the page starts again from what is there
			return "redirect:/bookings/" + id + "/review";
		}
		catch (AlreadyReviewedException | BookingNotReviewableException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", refusal(eligibility(id)));
			model.addAttribute("fieldErrors", Map.of());
			return "review/write";
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("fieldErrors", errors);
		return "review/write";
	}

	/** Removes the traveller's review of the booking's trip or stay, if they have one. */
	@PostMapping("/bookings/{id}/review/delete")
	String delete(@PathVariable UUID id) {
		Optional<Review> own = own(eligibility(id));
		if (own.isEmpty()) {
			return "redirect:/bookings/" + id + "/review";
		}
		try {
			reviews.delete(own.get().id());
		}
		catch (ReviewNotFoundException ex) {
			// deleted meanwhile: what the traveller asked for is done
		}
		return "redirect:/bookings/" + id + "?reviewDeleted";
	}

	private Optional<Review> own(Eligibility eligibility) {
		return eligibility.alreadyReviewed() ? reviews.ownReview(eligibility) : Optional.empty();
	}

	private Eligibility eligibility(UUID id) {
		return reviews.eligibility(id).orElseThrow(() -> new BookingNotFoundException(id));
	}

	/**
	 * Why the booking cannot be reviewed, as the traveller reads it; null when it can.
	 */
	static String refusal(Eligibility eligibility) {
		if (eligibility.alreadyReviewed()) {
			return "You have already reviewed this " + (eligibility.tripCode() != null ? "trip" : "stay")
					+ "; each traveller reviews a trip or stay once.";
		}
		if (eligibility.completed()) {
			return null;
		}
		return switch (eligibility.status()) {
			case "CANCELLED" -> "This booking was cancelled; only a trip or stay you have been on can be reviewed.";
			default -> "You can write a review once your " + (eligibility.tripCode() != null ? "trip" : "stay")
					+ " is over and the booking shows as completed.";
		};
	}

	private static int stars(String rating) {
		if (rating == null || !rating.trim().matches("\\d{1,2}")) {
			return 0;
		}
		return Integer.parseInt(rating.trim());
	}

}
