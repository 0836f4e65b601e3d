package io.getaways.booking.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingPage;
import io.getaways.booking.BookingQuery;
import io.getaways.booking.BookingStatusConflictException;
import io.getaways.booking.Bookings;
import io.getaways.identity.Identity;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's booking pages: every traveller's bookings with filters, one booking with
 * its payments and refunds, and the admin's cancellation (a full refund), through the
 * same {@link Bookings} admin methods as {@code /api/v1/admin/bookings}.
 */
@Controller
@BrowserPage
@Hidden
@RequestMapping("/admin/bookings")
class AdminBookingPagesController {

	static final int PAGE_SIZE = 25;

	private final Bookings bookings;

	private final Identity identity;

	AdminBookingPagesController(Bookings bookings, Identity identity) {
		this.bookings = bookings;
		this.identity = identity;
	}

	@GetMapping
	String search(@Valid @ModelAttribute("filter") BookingFilter filter, BindingResult errors, Model model,
			HttpServletResponse response) {
		if (filter.getFrom() != null && filter.getTo() != null && filter.getFrom().isAfter(filter.getTo())) {
			errors.rejectValue("to", "order", "must not be before from");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("bookings", null);
			return "admin/booking/list";
		}
		UUID user = null;
		if (filter.emailOrNull() != null) {
			Optional<UUID> found = identity.findUserId(filter.emailOrNull());
			if (found.isEmpty()) {
				model.addAttribute("bookings", new BookingPage(List.of(), 0, PAGE_SIZE, 0));
				model.addAttribute("problem", "No account has the email " + filter.emailOrNull() + ".");
				return "admin/booking/list";
			}
			user = found.get();
		}
		BookingPage page = bookings.search(new BookingQuery(filter.getStatus(), filter.tripCode(), null, user,
				filter.getFrom(), filter.getTo(), filter.getPage(), PAGE_SIZE));
		model.addAttribute("bookings", page);
		return "admin/booking/list";
	}

	@GetMapping("/{id}")
	String booking(@PathVariable UUID id, Model model) {
		model.addAttribute("details", bookings.findAny(id));
		return "admin/booking/booking";
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Booking cancelled = bookings.cancelAsAdmin(id);
			redirect.addFlashAttribute("notice",
					"The booking was cancelled; refunded in full: "
							+ (cancelled.refundAmount() == null ? "0" : cancelled.refundAmount().toPlainString()) + " "
							+ cancelled.currency() + ".");
		}
		catch (BookingStatusConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/bookings/" + id;
	}

}
