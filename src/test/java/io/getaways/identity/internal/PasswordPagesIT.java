package io.getaways.identity.internal;

import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.getaways.support.TestAccounts.PASSWORD;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing the password in the browser: the API's rules and throttle, errors beside the
 * field with nothing changed, the account's refresh sessions ended; an account whose
 * password was reset is led from the log-in page to the form with its email filled in.
 */
@IntegrationTest
class PasswordPagesIT {

	static final String NEW_PASSWORD = "a brand new password";

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	UserAdministration administration;

	@Test
	void aSignedInTravellerChangesThePasswordAndTheirRefreshSessionsEnd() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "password-page");
		WebSession browser = signedIn(traveller.email(), PASSWORD);
		assertThat(browser.get("/account").body()).contains("href=\"/account/password\"");

		Answer form = browser.get("/account/password");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("<h1>Change your password</h1>")
			.contains("<label for=\"password\">Current password</label>")
			.contains("<label for=\"repeatPassword\">New password again</label>");

		Answer differ = browser.post("/account/password", "password", PASSWORD, "newPassword", NEW_PASSWORD,
				"repeatPassword", NEW_PASSWORD + "!");
		assertThat(differ.status()).isEqualTo(400);
		assertThat(differ.body()).contains("id=\"repeatPassword-error\"")
			.contains("The two new passwords differ; type the same one twice.");
		Answer tooShort = browser.post("/account/password", "password", PASSWORD, "newPassword", "short",
				"repeatPassword", "short");
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.body()).contains("id=\"newPassword-error\"").contains("Choose 8 to 128 characters.");
		Answer same = browser.post("/account/password", "password", PASSWORD, "newPassword", PASSWORD, "repeatPassword",
				PASSWORD);
		assertThat(same.body()).contains("Choose a password other than the current one.");
		Answer wrong = browser.post("/account/password", "password", "not the password", "newPassword", NEW_PASSWORD,
				"repeatPassword", NEW_PASSWORD);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).contains("id=\"password-error\"").contains("The current password is wrong.");
		assertThat(browser
			.postWithout("/account/password", "password", PASSWORD, "newPassword", NEW_PASSWORD, "repeatPassword",
					NEW_PASSWORD)
			.status()).isEqualTo(403);
		HttpApi api = new HttpApi(port);
		assertThat(apiLogin(api, traveller.email(), PASSWORD).status()).as("nothing was changed").isEqualTo(200);

		Answer changed = browser.post("/account/password", "password", PASSWORD, "newPassword", NEW_PASSWORD,
				"repeatPassword", NEW_PASSWORD);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account?passwordChanged");
		assertThat(browser.get("/account?passwordChanged").body()).contains("Your password is changed.")
			.contains("refresh tokens");

		assertThat(apiLogin(api, traveller.email(), PASSWORD).status()).isEqualTo(401);
		assertThat(apiLogin(api, traveller.email(), NEW_PASSWORD).status()).isEqualTo(200);
		Answer refresh = api.send("POST", "/api/v1/auth/refresh", "application/json",
				json("refreshToken", traveller.refreshToken()), "X-Forwarded-For", TestAccounts.address());
		assertThat(refresh.status()).as("the refresh session from before the change").isEqualTo(401);
	}

	@Test
	void theFormIsThrottledAsSignInIs() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "password-throttle");
		WebSession browser = signedIn(traveller.email(), PASSWORD);
		browser.get("/account/password");
		Answer last = null;
		for (int i = 0; i < 12 && (last == null || last.status() != 429); i++) {
			last = browser.post("/account/password", "password", "wrong " + i, "newPassword", NEW_PASSWORD,
					"repeatPassword", NEW_PASSWORD);
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertThat(last.body()).contains("Too many wrong passwords. Try again in");
	}

	@Test
	void anAccountThatMustChangeItsPasswordIsLedFromLogInToTheForm() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "password-required");
		String temporary = "temporary password 1";
		administration.resetPassword(traveller.email(), temporary);
		WebSession browser = new WebSession(port);

		Answer refused = browser.signIn(traveller.email(), temporary);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("<h1>Set a new password</h1>")
			.contains("action=\"/login/password\"")
			.contains("value=\"" + traveller.email() + "\"")
			.contains("must set a new password before it signs in");
		assertThat(browser.get("/account").status()).as("not signed in").isEqualTo(302);

		browser.get("/login/password");
		Answer wrong = browser.post("/login/password", "email", traveller.email(), "password", "not it", "newPassword",
				NEW_PASSWORD, "repeatPassword", NEW_PASSWORD);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).contains("The email or the current password is wrong");
		Answer noEmail = browser.post("/login/password", "email", " ", "password", temporary, "newPassword",
				NEW_PASSWORD, "repeatPassword", NEW_PASSWORD);
		assertThat(noEmail.status()).isEqualTo(400);
		assertThat(noEmail.body()).contains("id=\"email-error\"");

		Answer changed = browser.post("/login/password", "email", traveller.email(), "password", temporary,
				"newPassword", NEW_PASSWORD, "repeatPassword", NEW_PASSWORD);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(302);
		assertThat(browser.get("/account").status()).as("signed in").isEqualTo(200);
		assertThat(signedIn(traveller.email(), NEW_PASSWORD).get("/account").status()).isEqualTo(200);
	}

	private WebSession signedIn(String email, String password) {
		WebSession browser = new WebSession(port);
		Answer signedIn = browser.signIn(email, password);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
		return browser;
	}

	private static Answer apiLogin(HttpApi api, String email, String password) {
		return api.send("POST", "/api/v1/auth/login", "application/json", json("email", email, "password", password),
				"X-Forwarded-For", TestAccounts.address());
	}

}
