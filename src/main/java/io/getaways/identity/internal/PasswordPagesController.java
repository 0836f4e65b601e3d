package io.getaways.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.getaways.identity.InvalidCredentialsException;
import io.getaways.identity.SignInThrottledException;
import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.BrowserPage;
import io.getaways.platform.web.BrowserSessions;
import io.getaways.platform.web.SignedInUser;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Changing the password in the browser, through {@link PasswordChanges}, the one behind
 * {@code POST /api/v1/auth/password}: the same rules, throttle and event, and the
 * account's refresh sessions end. Signed in, it is {@code /account/password} and the
 * email is the session's; an account that must change its password before it signs in is
 * sent to {@code /login/password} with its email filled in, and is signed in once the new
 * password is set.
 */
@Controller
@BrowserPage
@Hidden
class PasswordPagesController {

	static final String ACCOUNT = "/account/password";

	static final String REQUIRED = "/login/password";

	private final PasswordChanges passwords;

	private final BrowserSignIn browser;

	PasswordPagesController(PasswordChanges passwords, BrowserSignIn browser) {
		this.passwords = passwords;
		this.browser = browser;
	}

	record PasswordForm(String email, String password, String newPassword, String repeatPassword) {
	}

	@GetMapping(ACCOUNT)
	String accountForm(@ModelAttribute("form") PasswordForm form, Model model) {
		return show(model, ACCOUNT, Map.of());
	}

	@GetMapping(REQUIRED)
	String requiredForm(@ModelAttribute("form") PasswordForm form, Model model) {
		return show(model, REQUIRED, Map.of());
	}

	@PostMapping(ACCOUNT)
	String changeSignedIn(@ModelAttribute("form") PasswordForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		SignedInUser user = BrowserSessions.currentUser();
		return change(user.email(), form, ACCOUNT, model, request, response);
	}

	@PostMapping(REQUIRED)
	String changeRequired(@ModelAttribute("form") PasswordForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String email = form.email() == null ? "" : form.email().trim();
		if (email.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, REQUIRED, Map.of("email", "Enter your email."));
		}
		return change(email, form, REQUIRED, model, request, response);
	}

	private String change(String email, PasswordForm form, String path, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String current = form.password() == null ? "" : form.password();
		String chosen = form.newPassword() == null ? "" : form.newPassword();
		Map<String, String> errors = new LinkedHashMap<>();
		if (current.isEmpty()) {
			errors.put("password", "Enter your current password.");
		}
		if (!chosen.equals(form.repeatPassword() == null ? "" : form.repeatPassword())) {
			errors.put("repeatPassword", "The two new passwords differ; type the same one twice.");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, path, errors);
		}
		try {
			String next = browser.start(passwords.changePasswordBrowser(email, current, chosen), request, response);
			return "redirect:" + (ACCOUNT.equals(path) ? "/account?passwordChanged" : next);
		}
		catch (InvalidParameterException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, path, Map.of("newPassword", ex.getMessage().contains("differ")
					? "Choose a password other than the current one." : "Choose 8 to 128 characters."));
		}
		catch (InvalidCredentialsException ex) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			return show(model, path, Map.of("password", ACCOUNT.equals(path) ? "The current password is wrong."
					: "The email or the current password is wrong, or the account is not active."));
		}
		catch (SignInThrottledException ex) {
			long seconds = Math.max(1, ex.retryAfter().toSeconds());
			response.setHeader("Retry-After", Long.toString(seconds));
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return show(model, path,
					Map.of("password", "Too many wrong passwords. Try again in " + seconds + " seconds."));
		}
	}

	private static String show(Model model, String path, Map<String, String> errors) {
		model.addAttribute("path", path);
		model.addAttribute("required", REQUIRED.equals(path));
		model.addAttribute("fieldErrors", errors);
		return "identity/password";
	}

}
