package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.util.stream.IntStream;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripNotFoundException;
import io.getaways.catalog.internal.Listings;
import io.getaways.platform.web.BrowserPage;
import io.getaways.review.ReviewListing;
import io.getaways.review.Reviews;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A trip's page and its price line. They read through the same catalog API as the JSON
 * endpoints.
 */
@Controller
@BrowserPage
@Hidden
class TripPagesController {

	/** More seats than this in one booking is a group enquiry, not a web booking. */
	static final int MAX_SEATS = 9;

	private static final int REVIEWS_SHOWN = 5;

	private final Listings catalog;

	private final Reviews reviews;

	private final CatalogActivity activity;

	TripPagesController(Listings catalog, Reviews reviews, CatalogActivity activity) {
		this.catalog = catalog;
		this.reviews = reviews;
		this.activity = activity;
	}

	@GetMapping("/trips/{code}")
	String trip(@PathVariable String code, @RequestParam(defaultValue = "1") int seats, Model model) {
		TripDetails details = active(code);
		int maxSeats = Math.min(MAX_SEATS, Math.max(0, details.trip().seatsLeft()));
		int chosen = Math.max(1, Math.min(seats, Math.max(1, maxSeats)));
		model.addAttribute("trip", details.trip());
		model.addAttribute("content", details.contentAvailable() ? details.content() : null);
		model.addAttribute("description",
				PlainText.of(details.contentAvailable() ? details.content().description() : null));
		model.addAttribute("seatChoices", IntStream.rangeClosed(1, maxSeats).boxed().toList());
		model.addAttribute("seats", chosen);
		model.addAttribute("total", total(details, chosen));
		ReviewListing listing = reviews.list(ReviewListing.Subject.TRIP, details.trip().code(), 0, REVIEWS_SHOWN);
		model.addAttribute("reviews", listing);
		activity.viewedTrip(details.trip().code());
		return "catalog/trip";
	}

	/** The price line for the chosen seats, which the trip page swaps in with htmx. */
	@GetMapping("/trips/{code}/price")
	String price(@PathVariable String code, @RequestParam(defaultValue = "1") int seats, Model model) {
		TripDetails details = active(code);
		int chosen = Math.max(1, Math.min(seats, MAX_SEATS));
		model.addAttribute("trip", details.trip());
		model.addAttribute("seats", chosen);
		model.addAttribute("total", total(details, chosen));
		return "catalog/trip :: price";
	}

	private TripDetails active(String code) {
		String normalized = code.length() > 20 ? code : RouteParams.code(code);
		return catalog.findTrip(normalized)
			.filter(details -> details.trip().status() == ListingStatus.ACTIVE)
			.orElseThrow(() -> new TripNotFoundException(normalized));
	}

	private static BigDecimal total(TripDetails details, int seats) {
		return details.trip().pricePerPerson().multiply(BigDecimal.valueOf(seats));
	}

}
