package io.getaways.catalog.internal.admin;

import java.time.Instant;
import java.time.ZoneOffset;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.TripCodeTakenException;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripNotFoundException;
import io.getaways.catalog.internal.AlreadyInStatusException;
import io.getaways.catalog.internal.CapacityBelowSeatsBookedException;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.StayQuery;
import io.getaways.catalog.internal.TripQuery;
import io.getaways.catalog.internal.web.RouteParams;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's catalog pages: every trip and stay, active or not; a trip's facts and
 * content edited in one form; activation. They call the same {@link Listings} as
 * {@code /api/v1/admin/trips}; a rejected form is shown again with each error beside its
 * field, a 4xx status, and nothing written.
 */
@Controller
@BrowserPage
@Hidden
@RequestMapping("/admin/catalog")
class AdminCatalogPagesController {

	static final int PAGE_SIZE = 25;

	private final Listings catalog;

	AdminCatalogPagesController(Listings catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status, Model model) {
		String text = RouteParams.text(q);
		if (text != null && text.length() > 100) {
			text = text.substring(0, 100);
		}
		ListingStatus only = "ACTIVE".equals(status) || "INACTIVE".equals(status) ? ListingStatus.valueOf(status)
				: null;
		model.addAttribute("q", text == null ? "" : text);
		model.addAttribute("status", only == null ? "" : only.name());
		model.addAttribute("trips", catalog.search(TripQuery.byStatus(only).withText(text).onPage(0, PAGE_SIZE)));
		model.addAttribute("stays", catalog.searchStays(StayQuery.byStatus(only).withText(text).onPage(0, PAGE_SIZE)));
		return "admin/catalog/list";
	}

	@GetMapping("/trips/new")
	String newTrip(Model model) {
		model.addAttribute("form", new TripForm());
		model.addAttribute("creating", true);
		return "admin/catalog/trip";
	}

	@PostMapping("/trips")
	String create(@Valid @ModelAttribute("form") TripForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		model.addAttribute("creating", true);
		if (form.getCode() == null || form.getCode().isBlank()) {
			errors.rejectValue("code", "required", "is required");
		}
		checkContent(form, errors);
		if (form.getDepartsAt() != null && !form.getDepartsAt().toInstant(ZoneOffset.UTC).isAfter(Instant.now())) {
			errors.rejectValue("departsAt", "future", "must be in the future");
		}
		if (errors.hasErrors()) {
			return rejected(response, HttpStatus.BAD_REQUEST);
		}
		try {
			catalog.createTrip(form.toDraft(form.getCode(), null));
		}
		catch (TripCodeTakenException ex) {
			errors.rejectValue("code", "taken", "is already taken by another trip");
			return rejected(response, HttpStatus.CONFLICT);
		}
		redirect.addFlashAttribute("notice", "Trip " + form.getCode() + " was created.");
		return "redirect:/admin/catalog/trips/" + form.getCode();
	}

	@GetMapping("/trips/{code}")
	String trip(@PathVariable String code, Model model) {
		TripDetails details = find(code);
		model.addAttribute("form", TripForm.of(details));
		model.addAttribute("trip", details.trip());
		return "admin/catalog/trip";
	}

	@PostMapping("/trips/{code}")
	String replace(@PathVariable String code, @Valid @ModelAttribute("form") TripForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		TripDetails current = find(code);
		String tripCode = current.trip().code();
		form.setCode(tripCode);
		model.addAttribute("trip", current.trip());
		checkContent(form, errors);
		if (errors.hasErrors()) {
			return rejected(response, HttpStatus.BAD_REQUEST);
		}
		try {
			catalog.replaceTrip(form.toDraft(tripCode, current.contentAvailable() ? current.content() : null));
		}
		catch (CapacityBelowSeatsBookedException ex) {
			errors.rejectValue("capacity", "belowBooked",
					"must be at least the " + current.trip().seatsBooked() + " seat(s) already booked");
			return rejected(response, HttpStatus.CONFLICT);
		}
		redirect.addFlashAttribute("notice", "Trip " + tripCode + " was saved.");
		return "redirect:/admin/catalog/trips/" + tripCode;
	}

	@PostMapping("/{kind:trips|stays}/{code}/{action:activate|deactivate}")
	String changeStatus(@PathVariable String kind, @PathVariable String code, @PathVariable String action,
			RedirectAttributes redirect) {
		ListingStatus status = "activate".equals(action) ? ListingStatus.ACTIVE : ListingStatus.INACTIVE;
		String normalized = RouteParams.code(code);
		try {
			if ("trips".equals(kind)) {
				catalog.changeTripStatus(normalized, status);
			}
			else {
				catalog.changeStayStatus(normalized, status);
			}
			redirect.addFlashAttribute("notice", normalized + " is now " + status.name().toLowerCase() + ".");
		}
		catch (AlreadyInStatusException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/catalog";
	}

	private TripDetails find(String code) {
		String normalized = RouteParams.code(code);
		if (!normalized.matches(TripRequest.CODE)) {
			throw new TripNotFoundException(normalized);
		}
		return catalog.findTrip(normalized).orElseThrow(() -> new TripNotFoundException(normalized));
	}

	private static void checkContent(TripForm form, BindingResult errors) {
		FormLines.check("highlights", form.getHighlights(), errors);
	}

	private static String rejected(HttpServletResponse response, HttpStatus status) {
		response.setStatus(status.value());
		return "admin/catalog/trip";
	}

}
