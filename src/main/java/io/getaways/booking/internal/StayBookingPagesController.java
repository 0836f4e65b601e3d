package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

import io.getaways.booking.Booking;
import io.getaways.booking.Bookings;
import io.getaways.booking.NotBookableException;
import io.getaways.booking.StayUnavailableException;
import io.getaways.catalog.BookableStay;
import io.getaways.catalog.Inventory;
import io.getaways.catalog.ListingStatus;
import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Holding a stay's nights from the browser: the confirmation of what is about to be held,
 * then the hold through the same {@link Bookings#bookStay} as the JSON API. The booking's
 * own page, payment and cancellation are the trips' ones.
 */
@Controller
@BrowserPage
@Hidden
class StayBookingPagesController {

	private final Bookings bookings;

	private final Inventory inventory;

	private final RetryingTransactions transactions;

	StayBookingPagesController(Bookings bookings, Inventory inventory, RetryingTransactions transactions) {
		this.bookings = bookings;
		this.inventory = inventory;
		this.transactions = transactions;
	}

	@GetMapping(path = "/bookings/new", params = "stay")
	String confirmHold(@RequestParam String stay, @RequestParam(required = false) String checkIn,
			@RequestParam(required = false) String checkOut, @RequestParam(defaultValue = "1") int guests, Model model,
			HttpServletResponse response) {
		BookableStay found = stay(stay);
		try {
			return holdPage(found, date("checkIn", checkIn), date("checkOut", checkOut), guests, model);
		}
		catch (InvalidParameterException ex) {
			return refused(model, response, HttpStatus.BAD_REQUEST, sentence(ex),
					holdPage(found, null, null, 1, model));
		}
	}

	@PostMapping(path = "/bookings", params = "stay")
	String hold(@RequestParam String stay, @RequestParam(required = false) String checkIn,
			@RequestParam(required = false) String checkOut, @RequestParam(defaultValue = "1") int guests, Model model,
			HttpServletResponse response) {
		BookableStay found = stay(stay);
		LocalDate in = null;
		LocalDate out = null;
		try {
			in = date("checkIn", checkIn);
			out = date("checkOut", checkOut);
			Booking placed = bookings.bookStay(found.code(), in, out, guests);
			return "redirect:/bookings/" + placed.id();
		}
		catch (StayUnavailableException ex) {
			String taken = ex.conflicts()
				.stream()
				.map(range -> "nights of " + range.checkIn() + " to " + range.checkOut().minusDays(1))
				.collect(Collectors.joining(", "));
			return refused(model, response, HttpStatus.CONFLICT, "These nights are no longer free"
					+ (taken.isEmpty() ? "" : " (taken: " + taken + ")") + ". Nothing was held; choose other dates.",
					holdPage(found, in, out, guests, model));
		}
		catch (InvalidParameterException ex) {
			return refused(model, response, HttpStatus.BAD_REQUEST, sentence(ex),
					holdPage(found, in, out, guests, model));
		}
		catch (NotBookableException ex) {
			return refused(model, response, HttpStatus.CONFLICT, "This stay cannot be booked right now.",
					holdPage(found, in, out, guests, model));
		}
	}

	private String holdPage(BookableStay stay, LocalDate checkIn, LocalDate checkOut, int guests, Model model) {
		boolean dated = checkIn != null && checkOut != null && checkOut.isAfter(checkIn);
		long nights = dated ? ChronoUnit.DAYS.between(checkIn, checkOut) : 0;
		model.addAttribute("stay", stay);
		model.addAttribute("checkIn", dated ? checkIn : null);
		model.addAttribute("checkOut", dated ? checkOut : null);
		model.addAttribute("nights", nights);
		model.addAttribute("guests", Math.max(1, Math.min(guests, stay.maxGuests())));
		model.addAttribute("total", stay.pricePerNight().multiply(BigDecimal.valueOf(nights)));
		return "booking/new-stay";
	}

	private BookableStay stay(String code) {
		String normalized = code.trim().toUpperCase(java.util.Locale.ROOT);
		BookableStay stay = transactions.read(status -> inventory.stayForBooking(normalized));
		if (stay.status() != ListingStatus.ACTIVE) {
			throw new NotBookableException("Stay", stay.code(), "it is " + stay.status());
		}
		return stay;
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidParameterException(field, "is required");
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameterException(field, "must be a date as YYYY-MM-DD");
		}
	}

	/** The API's field message as a sentence a traveller reads. */
	private static String sentence(InvalidParameterException ex) {
		String field = switch (ex.parameter()) {
			case "checkIn" -> "Check-in";
			case "checkOut" -> "Check-out";
			case "guests" -> "Guests";
			default -> ex.parameter();
		};
		String reason = ex.getMessage().substring(ex.getMessage().indexOf("': ") + 3);
		return field + " " + reason.replace("checkIn", "check-in") + ".";
	}

	private static String refused(Model model, HttpServletResponse response, HttpStatus status, String message,
			String view) {
		response.setStatus(status.value());
		model.addAttribute("error", message);
		return view;
	}

}
