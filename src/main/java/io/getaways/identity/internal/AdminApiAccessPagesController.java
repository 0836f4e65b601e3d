package io.getaways.identity.internal;

import java.util.List;
import java.util.UUID;

import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's API access page: a user's API keys and their revocation, a key for the
 * signed-in admin, partners' OAuth clients; each new secret is shown in the answer that
 * made it and never again.
 */
@Controller
@BrowserPage
@Hidden
@RequestMapping("/admin/api-access")
class AdminApiAccessPagesController {

	private static final int MAX_NAME = 80;

	private final ApiAccessConsole console;

	private final PartnerClientList clients;

	AdminApiAccessPagesController(ApiAccessConsole console, PartnerClientList clients) {
		this.console = console;
		this.clients = clients;
	}

	/** Every page of this controller lists the partners' clients. */
	@ModelAttribute("clients")
	List<PartnerClientList.Client> clients() {
		return clients.newest();
	}

	@GetMapping
	String page(@RequestParam(required = false) String owner, Model model) {
		String email = owner == null || owner.isBlank() ? null : owner.strip();
		model.addAttribute("owner", email == null ? "" : email);
		if (email != null) {
			console.keysOf(email)
				.ifPresentOrElse(found -> model.addAttribute("keysOf", found),
						() -> model.addAttribute("ownerError", "no account has this email"));
		}
		return "admin/identity/api-access";
	}

	@PostMapping("/keys")
	String createKey(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String scopes,
			Model model, HttpServletResponse response) {
		model.addAttribute("owner", "");
		model.addAttribute("keyName", name);
		model.addAttribute("keyScopes", scopes);
		try {
			requireName("name", name);
			model.addAttribute("createdKey", console.createOwnKey(name, scopes));
			response.setHeader("Cache-Control", "no-store");
		}
		catch (InvalidParameterException ex) {
			rejected(model, response, ex);
		}
		return "admin/identity/api-access";
	}

	@PostMapping("/keys/{id}/revoke")
	String revokeKey(@PathVariable UUID id, @RequestParam UUID owner, @RequestParam String ownerEmail,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				console.revokeKey(owner, id) ? "The key was revoked." : "The key was already revoked.");
		redirect.addAttribute("owner", ownerEmail);
		return "redirect:/admin/api-access";
	}

	@PostMapping("/clients/{clientId}/revoke")
	String revokeClient(@PathVariable String clientId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				clients.revoke(clientId)
						? "The client " + clientId
								+ " was revoked: it gets no new token, and those it holds lapse within their lifetime."
						: "No client has the id " + clientId + ".");
		return "redirect:/admin/api-access";
	}

	@PostMapping("/clients")
	String registerClient(@RequestParam(defaultValue = "") String clientName,
			@RequestParam(defaultValue = "") String ownerEmail, @RequestParam(defaultValue = "") String clientScopes,
			@RequestParam(defaultValue = "60") String tokenTtlMinutes, Model model, HttpServletResponse response) {
		model.addAttribute("owner", "");
		model.addAttribute("clientName", clientName);
		model.addAttribute("ownerEmail", ownerEmail);
		model.addAttribute("clientScopes", clientScopes);
		model.addAttribute("tokenTtlMinutes", tokenTtlMinutes);
		try {
			requireName("clientName", clientName);
			int ttl = ttl(tokenTtlMinutes);
			model.addAttribute("createdClient", console.registerClient(clientName, ownerEmail, clientScopes, ttl));
			response.setHeader("Cache-Control", "no-store");
		}
		catch (InvalidParameterException ex) {
			rejected(model, response, ex);
		}
		return "admin/identity/api-access";
	}

	private static void requireName(String field, String name) {
		if (name.isBlank() || name.strip().length() > MAX_NAME) {
			throw new InvalidParameterException(field, "must be 1 to " + MAX_NAME + " characters");
		}
	}

	private static int ttl(String minutes) {
		try {
			int ttl = Integer.parseInt(minutes.strip());
			if (ttl >= 1 && ttl <= 1440) {
				return ttl;
			}
		}
		catch (NumberFormatException ex) {
			// named below like an out-of-range number
		}
		throw new InvalidParameterException("tokenTtlMinutes", "must be a whole number from 1 to 1440");
	}

	/** The refusal beside its field, as {@code <field>Error}. */
	private static void rejected(Model model, HttpServletResponse response, InvalidParameterException ex) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		String message = ex.getMessage();
		model.addAttribute(ex.parameter() + "Error", message.substring(message.indexOf("': ") + 3));
	}

}
