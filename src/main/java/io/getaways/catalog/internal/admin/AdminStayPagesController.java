package io.getaways.catalog.internal.admin;

import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.StayCodeTakenException;
import io.getaways.catalog.internal.StayDetails;
import io.getaways.catalog.internal.StayNotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's stay pages: create a stay and edit its facts and content, through the
 * same {@link Listings} as {@code /api/v1/admin/stays}; a rejected form comes back with
 * each error beside its field, a 4xx status, and nothing written.
 */
@Controller
@BrowserPage
@Hidden
@RequestMapping("/admin/catalog/stays")
class AdminStayPagesController {

	private static final String VIEW = "admin/catalog/stay";

	private final Listings catalog;

	AdminStayPagesController(Listings catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/new")
	String newStay(Model model) {
		model.addAttribute("form", new StayForm());
		model.addAttribute("creating", true);
		return VIEW;
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") StayForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		model.addAttribute("creating", true);
		if (form.getCode() == null || form.getCode().isBlank()) {
			errors.rejectValue("code", "required", "is required");
		}
		FormLines.check("amenities", form.getAmenities(), errors);
		if (errors.hasErrors()) {
			return rejected(response, HttpStatus.BAD_REQUEST);
		}
		try {
			catalog.createStay(form.toDraft(form.getCode(), null));
		}
		catch (StayCodeTakenException ex) {
			errors.rejectValue("code", "taken", "is already taken by another stay");
			return rejected(response, HttpStatus.CONFLICT);
		}
		redirect.addFlashAttribute("notice", "Stay " + form.getCode() + " was created.");
		return "redirect:/admin/catalog/stays/" + form.getCode();
	}

	@GetMapping("/{code}")
	String stay(@PathVariable String code, Model model) {
		StayDetails details = find(code);
		model.addAttribute("form", StayForm.of(details));
		model.addAttribute("stay", details.stay());
		return VIEW;
	}

	@PostMapping("/{code}")
	String replace(@PathVariable String code, @Valid @ModelAttribute("form") StayForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StayDetails current = find(code);
		String stayCode = current.stay().code();
		form.setCode(stayCode);
		model.addAttribute("stay", current.stay());
		FormLines.check("amenities", form.getAmenities(), errors);
		if (errors.hasErrors()) {
			return rejected(response, HttpStatus.BAD_REQUEST);
		}
		catalog.replaceStay(form.toDraft(stayCode, current.contentAvailable() ? current.content() : null));
		redirect.addFlashAttribute("notice", "Stay " + stayCode + " was saved.");
		return "redirect:/admin/catalog/stays/" + stayCode;
	}

	private StayDetails find(String code) {
		String normalized = RouteParams.code(code);
		if (!normalized.matches(TripRequest.CODE)) {
			throw new StayNotFoundException(normalized);
		}
		return catalog.findStay(normalized).orElseThrow(() -> new StayNotFoundException(normalized));
	}

	private static String rejected(HttpServletResponse response, HttpStatus status) {
		response.setStatus(status.value());
		return VIEW;
	}

}
