package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingDetails;
import io.getaways.booking.BookingStartedException;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.BookingStatusConflictException;
import io.getaways.booking.Bookings;
import io.getaways.booking.HoldExpiredException;
import io.getaways.booking.NotBookableException;
import io.getaways.catalog.Catalog;
import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.Trip;
import io.getaways.catalog.TripNotFoundException;
import io.getaways.catalog.TripSoldOutException;
import io.getaways.payment.PaymentDeclinedException;
import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.BrowserPage;
import io.getaways.platform.web.PageFormats;
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
 * The traveller's booking pages: hold seats, pay, see my bookings, cancel with the refund
 * shown first. They call the same {@link Bookings} API as the JSON endpoints, acting as
 * the session's user, so row-level security keeps each traveller to their own bookings.
 */
@Controller
@BrowserPage
@Hidden
class BookingPagesController {

	private static final int PAGE_SIZE = 50;

	/** As many seats as the trip page offers in one booking. */
	private static final int MAX_SEATS = 9;

	private final Bookings bookings;

	private final BookingTransitions transitions;

	private final Catalog catalog;

	private final PageFormats formats;

	BookingPagesController(Bookings bookings, BookingTransitions transitions, Catalog catalog, PageFormats formats) {
		this.bookings = bookings;
		this.transitions = transitions;
		this.catalog = catalog;
		this.formats = formats;
	}

	@GetMapping("/bookings")
	String mine(Model model) {
		model.addAttribute("bookings", bookings.listMine(null, 0, PAGE_SIZE).items());
		return "booking/list";
	}

	/** Confirms what is about to be held: the trip, the seats and the total. */
	@GetMapping("/bookings/new")
	String confirmHold(@RequestParam String trip, @RequestParam(defaultValue = "1") int seats, Model model) {
		return holdPage(onSale(trip), seats, model);
	}

	@PostMapping("/bookings")
	String hold(@RequestParam String trip, @RequestParam int seats, Model model, HttpServletResponse response) {
		Trip found = onSale(trip);
		try {
			if (seats < 1 || seats > MAX_SEATS) {
				throw new InvalidParameterException("seats", "must be 1 to " + MAX_SEATS);
			}
			Booking placed = bookings.bookTrip(found.code(), seats);
			return "redirect:/bookings/" + placed.id();
		}
		catch (TripSoldOutException ex) {
			return refused(model, response, HttpStatus.CONFLICT,
					ex.seatsLeft() == 0 ? "This trip is sold out."
							: "Only " + ex.seatsLeft() + " seat(s) are left; choose fewer seats.",
					holdPage(found, seats, model));
		}
		catch (NotBookableException | InvalidParameterException ex) {
			return refused(model, response, HttpStatus.CONFLICT, ex.getMessage(), holdPage(found, seats, model));
		}
	}

	@GetMapping("/bookings/{id}")
	String booking(@PathVariable UUID id, Model model) {
		return bookingPage(bookings.findMine(id), model);
	}

	@PostMapping("/bookings/{id}/pay")
	String pay(@PathVariable UUID id, Model model, HttpServletResponse response) {
		try {
			bookings.pay(id);
			return "redirect:/bookings/" + id + "?paid";
		}
		catch (PaymentDeclinedException ex) {
			Booking held = bookings.findMine(id).booking();
			return refused(model, response, HttpStatus.PAYMENT_REQUIRED,
					"Your payment was declined. Your " + held(held) + " stay held until "
							+ formats.time(held.holdExpiresAt()) + "; you can try again until then.",
					bookingPage(bookings.findMine(id), model));
		}
		catch (HoldExpiredException ex) {
			BookingDetails expired = bookings.findMine(id);
			return refused(model, response, HttpStatus.CONFLICT,
					"The hold expired and the " + held(expired.booking())
							+ " were released; nothing was charged. Book again to hold them anew.",
					bookingPage(expired, model));
		}
		catch (BookingStatusConflictException ex) {
			return refused(model, response, HttpStatus.CONFLICT,
					"This booking cannot be paid: it is " + ex.bookingStatus().name().toLowerCase() + ".",
					bookingPage(bookings.findMine(id), model));
		}
	}

	/** Shows what cancelling now refunds before the traveller confirms. */
	@GetMapping("/bookings/{id}/cancel")
	String confirmCancel(@PathVariable UUID id, Model model) {
		Booking booking = bookings.findMine(id).booking();
		if (!cancellable(booking)) {
			return "redirect:/bookings/" + id;
		}
		model.addAttribute("booking", booking);
		BigDecimal refund = transitions.refundQuote(booking, Instant.now());
		model.addAttribute("refund", refund == null ? BigDecimal.ZERO : refund);
		model.addAttribute("paid", booking.status() == BookingStatus.CONFIRMED);
		return "booking/cancel";
	}

	@PostMapping("/bookings/{id}/cancel")
	String cancel(@PathVariable UUID id, Model model, HttpServletResponse response) {
		try {
			bookings.cancel(id);
			return "redirect:/bookings/" + id + "?cancelled";
		}
		catch (BookingStartedException ex) {
			return refused(model, response, HttpStatus.CONFLICT,
					"This booking has started and can no longer be cancelled.",
					bookingPage(bookings.findMine(id), model));
		}
		catch (BookingStatusConflictException ex) {
			return refused(model, response, HttpStatus.CONFLICT,
					"This booking cannot be cancelled: it is " + ex.bookingStatus().name().toLowerCase() + ".",
					bookingPage(bookings.findMine(id), model));
		}
	}

	private String holdPage(Trip trip, int seats, Model model) {
		int chosen = Math.max(1, Math.min(seats, MAX_SEATS));
		model.addAttribute("trip", trip);
		model.addAttribute("seats", chosen);
		model.addAttribute("total", trip.pricePerPerson().multiply(BigDecimal.valueOf(chosen)));
		return "booking/new";
	}

	private String bookingPage(BookingDetails details, Model model) {
		Booking booking = details.booking();
		model.addAttribute("booking", booking);
		model.addAttribute("details", details);
		model.addAttribute("payable", booking.status() == BookingStatus.PENDING && booking.holdExpiresAt() != null
				&& booking.holdExpiresAt().isAfter(Instant.now()));
		model.addAttribute("holdExpired", booking.status() == BookingStatus.PENDING && booking.holdExpiresAt() != null
				&& !booking.holdExpiresAt().isAfter(Instant.now()));
		model.addAttribute("cancellable", cancellable(booking));
		model.addAttribute("holdLeft", holdLeft(booking.holdExpiresAt(), Instant.now()));
		return "booking/booking";
	}

	/**
	 * The time left on a hold as the countdown script prints it, for pages read without
	 * it.
	 */
	static String holdLeft(Instant expiresAt, Instant now) {
		long left = expiresAt == null ? 0 : Math.max(0, java.time.Duration.between(now, expiresAt).toSeconds());
		return left == 0 ? "The hold has expired" : String.format("%d min %02d s left", left / 60, left % 60);
	}

	/** What a hold keeps: a trip's seats or a stay's nights. */
	private static String held(Booking booking) {
		return booking.isTrip() ? "seats" : "nights";
	}

	private static boolean cancellable(Booking booking) {
		return (booking.status() == BookingStatus.PENDING || booking.status() == BookingStatus.CONFIRMED)
				&& booking.startsAt().isAfter(Instant.now());
	}

	private Trip onSale(String code) {
		String normalized = code.trim().toUpperCase(java.util.Locale.ROOT);
		return catalog.findTrip(normalized)
			.map(details -> details.trip())
			.filter(trip -> trip.status() == ListingStatus.ACTIVE)
			.orElseThrow(() -> new TripNotFoundException(normalized));
	}

	private static String refused(Model model, HttpServletResponse response, HttpStatus status, String message,
			String view) {
		response.setStatus(status.value());
		model.addAttribute("error", message);
		return view;
	}

}
