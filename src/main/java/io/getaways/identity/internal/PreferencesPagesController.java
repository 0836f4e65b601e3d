package io.getaways.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.getaways.identity.TravellerPreferences;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The preferences page: the few settings a traveller edits in the browser, kept in the
 * same document as {@code /api/v1/me/preferences} through the same
 * {@link PreferencesStore} and {@link PreferencesRules}. Keys the page does not know,
 * written through the API, are kept as they are.
 */
@Controller
@BrowserPage
@Hidden
class PreferencesPagesController {

	static final int MAX_AIRPORT = 60;

	private final PreferencesStore store;

	PreferencesPagesController(PreferencesStore store) {
		this.store = store;
	}

	@GetMapping("/account/preferences")
	String preferences(Model model, HttpServletResponse response) {
		try {
			show(store.find(CurrentUser.id()), Map.of(), model);
		}
		catch (DataAccessException ex) {
			return unavailable(model, response);
		}
		return "identity/preferences";
	}

	@PostMapping("/account/preferences")
	String save(@RequestParam(required = false) String homeAirport,
			@RequestParam(required = false) String bookingEmails, @RequestParam(required = false) String offers,
			@RequestParam(required = false) String searchFor, Model model, HttpServletResponse response) {
		UUID user = CurrentUser.id();
		String airport = homeAirport == null ? "" : homeAirport.strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (airport.length() > MAX_AIRPORT || airport.chars().anyMatch(Character::isISOControl)) {
			errors.put("homeAirport", "Give at most " + MAX_AIRPORT + " characters, on one line.");
		}
		if (searchFor != null && !searchFor.matches("trip|stay")) {
			errors.put("searchFor", "Choose trips or stays.");
		}
		try {
			Map<String, Object> preferences = new LinkedHashMap<>(store.find(user));
			preferences.put("homeAirport", airport);
			preferences.put("bookingEmails", bookingEmails != null);
			preferences.put("offers", offers != null);
			preferences.put("searchFor", searchFor == null || !searchFor.matches("trip|stay") ? "trip" : searchFor);
			if (!errors.isEmpty()) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				show(preferences, errors, model);
				return "identity/preferences";
			}
			PreferencesRules.check(preferences);
			store.replace(user, preferences);
		}
		catch (DataAccessException ex) {
			return unavailable(model, response);
		}
		return "redirect:/account/preferences?saved";
	}

	private static void show(Map<String, Object> preferences, Map<String, String> errors, Model model) {
		TravellerPreferences read = StoredPreferences.from(preferences);
		model.addAttribute("homeAirport", read.homePlace());
		model.addAttribute("bookingEmails", read.bookingEmails());
		model.addAttribute("offers", read.offers());
		model.addAttribute("searchFor", read.searchFor());
		model.addAttribute("errors", errors);
	}

	private static String unavailable(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		show(Map.of(), Map.of(), model);
		model.addAttribute("error",
				"Your preferences cannot be read or saved right now; nothing was changed. " + "Try again shortly.");
		return "identity/preferences";
	}

}
