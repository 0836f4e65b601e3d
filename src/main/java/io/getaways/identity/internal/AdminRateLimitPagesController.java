package io.getaways.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.getaways.identity.RateLimitOverride;
import io.getaways.identity.RateLimitOverrideAdministration;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's rate-limit overrides: every override, set one for a subject, remove one,
 * through {@link RateLimitOverrideAdministration} like {@code /api/v1/admin/rate-limits}.
 */
@Controller
@BrowserPage
@Hidden
@RequestMapping("/admin/api-access/rate-limits")
class AdminRateLimitPagesController {

	private final RateLimitOverrideAdministration overrides;

	AdminRateLimitPagesController(RateLimitOverrideAdministration overrides) {
		this.overrides = overrides;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("overrides", overrides.overrides());
		model.addAttribute("errors", Map.of());
		return "admin/identity/rate-limits";
	}

	@PostMapping
	String set(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String capacity,
			@RequestParam(defaultValue = "") String refillPerMinute, @RequestParam(defaultValue = "") String note,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		String trimmed = subject.strip();
		if (!trimmed.matches(RateLimitOverride.SUBJECT)) {
			errors.put("subject", "must be user:, apikey:, client: or ip: followed by the id");
		}
		Integer size = count(capacity, "capacity", errors);
		Integer refill = count(refillPerMinute, "refillPerMinute", errors);
		if (note.length() > 200) {
			errors.put("note", "must be at most 200 characters");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("overrides", overrides.overrides());
			model.addAttribute("errors", errors);
			model.addAttribute("form",
					Map.of("subject", subject, "capacity", capacity, "refillPerMinute", refillPerMinute, "note", note));
			return "admin/identity/rate-limits";
		}
		overrides.set(trimmed, size, refill, note.isBlank() ? null : note.strip());
		redirect.addFlashAttribute("notice", "The limit of " + trimmed + " is set.");
		return "redirect:/admin/api-access/rate-limits";
	}

	@PostMapping("/remove")
	String remove(@RequestParam String subject, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				overrides.remove(subject)
						? "The override of " + subject + " is removed; the default limit applies again."
						: subject + " had no override.");
		return "redirect:/admin/api-access/rate-limits";
	}

	private static Integer count(String value, String field, Map<String, String> errors) {
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= 1 && number <= AdminRateLimitsController.MAX_CAPACITY) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// named below like an out-of-range number
		}
		errors.put(field, "must be a whole number from 1 to " + AdminRateLimitsController.MAX_CAPACITY);
		return null;
	}

}
