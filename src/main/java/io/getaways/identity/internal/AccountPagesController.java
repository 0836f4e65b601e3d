package io.getaways.identity.internal;

import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;
import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;

/**
 * The account page and its passkeys: list them, add one (the page's script runs the
 * browser's registration ceremony against these endpoints), remove one. Each call acts as
 * the session's user through the same {@link PasskeyService} as the API's
 * {@code /api/v1/me/passkeys}, so the same rules hold: a user's last way to sign in is
 * not removed.
 */
@Controller
@BrowserPage
@Hidden
class AccountPagesController {

	/** As long as the API allows. */
	private static final int MAX_LABEL = 64;

	private final PasskeyService passkeys;

	AccountPagesController(PasskeyService passkeys) {
		this.passkeys = passkeys;
	}

	record Registration(String challengeId, String label, JsonNode credential) {
	}

	@GetMapping("/account")
	@Transactional(readOnly = true)
	String account(Model model) {
		model.addAttribute("passkeys", passkeys.list(CurrentUser.id()));
		return "identity/account";
	}

	@PostMapping("/account/passkeys/options")
	@ResponseBody
	PasskeyService.Options registrationOptions() {
		return passkeys.registrationOptions(CurrentUser.id());
	}

	@PostMapping("/account/passkeys")
	ResponseEntity<Map<String, String>> register(@RequestBody Registration registration) {
		String label = registration.label() == null ? "" : registration.label().trim();
		if (label.isEmpty() || label.length() > MAX_LABEL) {
			return PageJson.message(HttpStatus.BAD_REQUEST,
					"Give the passkey a name of at most " + MAX_LABEL + " characters.");
		}
		if (registration.challengeId() == null || registration.challengeId().isBlank()) {
			return PageJson.message(HttpStatus.BAD_REQUEST, "The passkey was not started: reload the page.");
		}
		try {
			passkeys.register(CurrentUser.id(), registration.challengeId(), registration.credential(), label);
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("location", "/account?passkeyAdded"));
		}
		catch (InvalidParameterException ex) {
			return PageJson.message(HttpStatus.BAD_REQUEST,
					"The browser's answer was not accepted (" + ex.parameter() + "). Try again.");
		}
	}

	@PostMapping("/account/passkeys/{id}/remove")
	@Transactional
	String remove(@PathVariable UUID id, Model model, HttpServletResponse response) {
		UUID user = CurrentUser.id();
		try {
			passkeys.remove(user, id);
			return "redirect:/account?passkeyRemoved";
		}
		catch (DomainException ex) {
			boolean last = ex instanceof PasskeyService.LastSignInMethod;
			response.setStatus(last ? HttpStatus.CONFLICT.value() : HttpStatus.NOT_FOUND.value());
			model.addAttribute("error", last
					? "This passkey is the only way to sign in to your account, so it stays. Add another passkey first."
					: "That passkey is not one of yours (it may have been removed already).");
			model.addAttribute("passkeys", passkeys.list(user));
			return "identity/account";
		}
	}

}
