package io.getaways.identity.internal;

import io.getaways.identity.EmailTakenException;
import io.getaways.identity.InvalidCredentialsException;
import io.getaways.identity.SignInThrottledException;
import io.getaways.identity.UserAccount;
import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.BrowserPage;
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
 * Register and sign-in pages. Passwords are checked, and failed sign-ins throttled, by
 * the same {@link SignInService} as the API's; a browser gets a session instead of
 * tokens. Signing out is the page chain's {@code POST /logout}.
 */
@Controller
@BrowserPage
@Hidden
class SignInPagesController {

	private final SignInService signIn;

	private final BrowserSignIn browser;

	SignInPagesController(SignInService signIn, BrowserSignIn browser) {
		this.signIn = signIn;
		this.browser = browser;
	}

	record SignInForm(String email, String password) {
	}

	record RegisterForm(String name, String email, String password) {
	}

	@GetMapping("/login")
	String loginPage(@ModelAttribute("form") SignInForm form) {
		return "identity/login";
	}

	@PostMapping("/login")
	String login(@ModelAttribute("form") SignInForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String email = trimmed(form.email());
		if (email.isEmpty() || form.password() == null || form.password().isEmpty()) {
			return loginFailed(model, response, HttpStatus.BAD_REQUEST, "Enter your email and your password.");
		}
		try {
			return "redirect:" + start(signIn.signInBrowser(email, form.password()), request, response);
		}
		catch (InvalidCredentialsException ex) {
			return loginFailed(model, response, HttpStatus.UNAUTHORIZED,
					"The email or the password is wrong, or the account is not active.");
		}
		catch (SignInThrottledException ex) {
			response.setHeader("Retry-After", Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
			return loginFailed(model, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed attempts. Try again in " + Math.max(1, ex.retryAfter().toSeconds()) + " seconds.");
		}
		catch (PasswordChangeRequiredException ex) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("form", new SignInForm(email, null));
			model.addAttribute("path", PasswordPagesController.REQUIRED);
			model.addAttribute("required", true);
			model.addAttribute("fieldErrors", java.util.Map.of());
			model.addAttribute("error", "This account must set a new password before it signs in. "
					+ "Type your current password again and choose a new one.");
			return "identity/password";
		}
	}

	@GetMapping("/register")
	String registerPage(@ModelAttribute("form") RegisterForm form) {
		return "identity/register";
	}

	@PostMapping("/register")
	String register(@ModelAttribute("form") RegisterForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			UserAccount user = signIn.register(trimmed(form.email()), trimmed(form.name()),
					form.password() == null ? "" : form.password());
			return "redirect:" + start(user, request, response);
		}
		catch (InvalidParameterException ex) {
			model.addAttribute("fieldErrors", java.util.Map.of(ex.parameter(), reason(ex)));
		}
		catch (EmailTakenException ex) {
			model.addAttribute("fieldErrors", java.util.Map.of("email", "An account with this email already exists."));
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return "identity/register";
	}

	private String start(UserAccount user, HttpServletRequest request, HttpServletResponse response) {
		return browser.start(user, request, response);
	}

	private static String loginFailed(Model model, HttpServletResponse response, HttpStatus status, String message) {
		response.setStatus(status.value());
		model.addAttribute("error", message);
		return "identity/login";
	}

	/**
	 * The reason without the "Invalid parameter 'x': " prefix the API's detail carries.
	 */
	private static String reason(InvalidParameterException ex) {
		String message = ex.getMessage();
		int colon = message.indexOf("': ");
		return colon < 0 ? message : message.substring(colon + 3);
	}

	private static String trimmed(String value) {
		return value == null ? "" : value.trim();
	}

}
