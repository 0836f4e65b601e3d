package io.getaways.identity.internal;

import java.util.UUID;
import java.util.function.Supplier;

import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's users pages: accounts filtered by email and role, one account's roles
 * granted and revoked, and locking (disabling) or unlocking it.
 */
@Controller
@BrowserPage
@Hidden
@RequestMapping("/admin/users")
class AdminUserPagesController {

	private static final int MAX_FILTER = 254;

	private final UserConsole console;

	AdminUserPagesController(UserConsole console) {
		this.console = console;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role, Model model,
			HttpServletResponse response) {
		String text = q == null || q.isBlank() ? null : q.strip();
		String only = role == null || role.isBlank() ? null : role;
		model.addAttribute("q", text == null ? "" : text);
		model.addAttribute("role", only == null ? "" : only);
		model.addAttribute("roles", console.roles());
		if (text != null && text.length() > MAX_FILTER) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("qError", "must be at most " + MAX_FILTER + " characters");
			return "admin/identity/users";
		}
		if (only != null && !console.roles().contains(only)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("roleError", "must be one of " + console.roles());
			return "admin/identity/users";
		}
		model.addAttribute("users", console.search(text, only));
		model.addAttribute("limit", UserConsole.LIMIT);
		return "admin/identity/users";
	}

	@GetMapping("/{id}")
	String user(@PathVariable UUID id, Model model) {
		model.addAttribute("user", console.find(id));
		model.addAttribute("roles", console.roles());
		return "admin/identity/user";
	}

	@PostMapping("/{id}/roles")
	String changeRole(@PathVariable UUID id, @RequestParam String role, @RequestParam String action,
			RedirectAttributes redirect) {
		if (!console.roles().contains(role) || !("grant".equals(action) || "revoke".equals(action))) {
			throw new InvalidParameterException("role", "must be one of " + console.roles());
		}
		act(redirect, () -> {
			if ("grant".equals(action)) {
				console.grant(id, role);
				return "Granted the role " + role + "; it takes effect at the user's next sign-in.";
			}
			console.revoke(id, role);
			return "Revoked the role " + role + "; it takes effect at the user's next sign-in.";
		});
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/{action:lock|unlock}")
	String lock(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
		act(redirect, () -> {
			if ("lock".equals(action)) {
				console.lock(id);
				return "The account is locked: it cannot sign in and its sessions were ended.";
			}
			console.unlock(id);
			return "The account is unlocked.";
		});
		return "redirect:/admin/users/" + id;
	}

	private static void act(RedirectAttributes redirect, Supplier<String> change) {
		try {
			redirect.addFlashAttribute("notice", change.get());
		}
		catch (UserConsole.SelfLockout ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
	}

}
