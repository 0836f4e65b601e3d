package io.getaways.identity.internal;

import java.util.Map;

import io.getaways.identity.SignInThrottledException;
import io.getaways.identity.UserAccount;
import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;

/**
 * Passkey sign-in for the pages: the login page's script asks for options, lets the
 * browser's authenticator answer them, and posts the answer here. The assertion is
 * verified, and failures throttled, exactly as for the API's passkey sign-in; a browser
 * gets a session instead of tokens. Both calls carry the page's CSRF token.
 */
@Controller
@BrowserPage
@Hidden
class PasskeySignInPagesController {

	private final PasskeyService passkeys;

	private final BrowserSignIn browser;

	PasskeySignInPagesController(PasskeyService passkeys, BrowserSignIn browser) {
		this.passkeys = passkeys;
		this.browser = browser;
	}

	record Assertion(String challengeId, JsonNode credential) {
	}

	@PostMapping("/login/passkey/options")
	@ResponseBody
	PasskeyService.Options options() {
		return passkeys.signInOptions();
	}

	/** Answers where to go next, or a message to show on the login page. */
	@PostMapping("/login/passkey")
	ResponseEntity<Map<String, String>> signIn(@RequestBody Assertion assertion, HttpServletRequest request,
			HttpServletResponse response) {
		if (assertion.challengeId() == null || assertion.challengeId().isBlank()) {
			return PageJson.message(HttpStatus.BAD_REQUEST, "The passkey sign-in was not started: reload the page.");
		}
		try {
			UserAccount user = passkeys.signInBrowser(assertion.challengeId(), assertion.credential());
			return ResponseEntity.ok(Map.of("location", browser.start(user, request, response)));
		}
		catch (InvalidParameterException | SignInService.PasskeySignInFailed ex) {
			return PageJson.message(HttpStatus.UNAUTHORIZED,
					"That passkey was not accepted. Try again, or log in with your password.");
		}
		catch (SignInThrottledException ex) {
			long seconds = Math.max(1, ex.retryAfter().toSeconds());
			response.setHeader("Retry-After", Long.toString(seconds));
			return PageJson.message(HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed attempts. Try again in " + seconds + " seconds.");
		}
	}

}
