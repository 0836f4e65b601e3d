package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.StayDetails;
import io.getaways.catalog.internal.StayNotFoundException;
import io.getaways.catalog.internal.StayOccupancy;
import io.getaways.platform.web.BrowserPage;
import io.getaways.review.ReviewListing;
import io.getaways.review.Reviews;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A stay's page: facts and content, reviews, a month calendar of its nights, and the
 * price of the nights chosen on it. The calendar alone is a fragment that htmx swaps when
 * the month changes. Reads through the same catalog API as {@code /api/v1/stays/{code}}.
 */
@Controller
@BrowserPage
@Hidden
class StayPagesController {

	private static final int REVIEWS_SHOWN = 5;

	private final Listings catalog;

	private final StayWindows windows;

	private final Reviews reviews;

	private final CatalogActivity activity;

	private final int maxNights;

	StayPagesController(Listings catalog, StayWindows windows, Reviews reviews, CatalogActivity activity,
			@Value("${getaways.bookings.max-nights:60}") int maxNights) {
		this.catalog = catalog;
		this.windows = windows;
		this.reviews = reviews;
		this.activity = activity;
		this.maxNights = maxNights;
	}

	@GetMapping("/stays/{code}")
	String stay(@PathVariable String code, @RequestParam(required = false) String month,
			@RequestParam(required = false) String checkIn, @RequestParam(required = false) String checkOut,
			@RequestParam(required = false) String guests, Model model, HttpServletResponse response) {
		StayDetails details = active(code);
		NightChoice choice = calendar(details, month, checkIn, checkOut, guests, model);
		model.addAttribute("content", details.contentAvailable() ? details.content() : null);
		model.addAttribute("description",
				PlainText.of(details.contentAvailable() ? details.content().description() : null));
		model.addAttribute("guestChoices", IntStream.rangeClosed(1, details.stay().maxGuests()).boxed().toList());
		model.addAttribute("checkIn", checkIn == null ? "" : checkIn.trim());
		model.addAttribute("checkOut", checkOut == null ? "" : checkOut.trim());
		model.addAttribute("errors", choice.errors());
		model.addAttribute("nights", choice.nights());
		model.addAttribute("total", details.stay().pricePerNight().multiply(BigDecimal.valueOf(choice.nights())));
		model.addAttribute("chosenCheckIn", choice.complete() ? choice.checkIn() : null);
		model.addAttribute("chosenCheckOut", choice.complete() ? choice.checkOut() : null);
		ReviewListing listing = reviews.list(ReviewListing.Subject.STAY, details.stay().code(), 0, REVIEWS_SHOWN);
		model.addAttribute("reviews", listing);
		if (!choice.errors().isEmpty()) {
			response.setStatus(choice.taken() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
		}
		activity.viewedStay(details.stay().code());
		return "catalog/stay";
	}

	/**
	 * The month grid alone, which the page's previous and next links swap in with htmx.
	 */
	@GetMapping("/stays/{code}/calendar")
	String calendar(@PathVariable String code, @RequestParam(required = false) String month,
			@RequestParam(required = false) String checkIn, @RequestParam(required = false) String checkOut,
			@RequestParam(required = false) String guests, Model model) {
		calendar(active(code), month, checkIn, checkOut, guests, model);
		return "catalog/stay :: calendar";
	}

	private NightChoice calendar(StayDetails details, String month, String checkIn, String checkOut, String guests,
			Model model) {
		LocalDate today = windows.today();
		NightChoice choice = new NightChoice(checkIn, checkOut, guests, details.stay().maxGuests(), maxNights, today);
		YearMonth shown = StayCalendar.month(month, choice.checkIn(), today);
		List<StayOccupancy> taken = catalog.stayOccupancy(details.stay().code(),
				StayCalendar.windowStart(shown, choice.checkIn()),
				StayCalendar.windowEnd(shown, choice.checkIn(), maxNights));
		choice.requireFree(taken);
		model.addAttribute("stay", details.stay());
		model.addAttribute("guests", choice.guests());
		model.addAttribute("month", StayCalendar.of(details.stay().code(), shown, today, taken, choice, maxNights));
		return choice;
	}

	private StayDetails active(String code) {
		String normalized = code.length() > 20 ? code : RouteParams.code(code);
		return catalog.findStay(normalized)
			.filter(details -> details.stay().status() == ListingStatus.ACTIVE)
			.orElseThrow(() -> new StayNotFoundException(normalized));
	}

}
