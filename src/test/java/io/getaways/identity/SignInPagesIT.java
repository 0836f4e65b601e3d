package io.getaways.identity;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Register, log in and log out in a browser session: the same password checks and sign-in
 * throttling as the API, CSRF on every form, and a session cookie a script cannot read.
 */
@IntegrationTest
class SignInPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Test
	void registeringOpensASessionWithAnHttpOnlySameSiteCookieAndLogoutEndsIt() {
		WebSession browser = new WebSession(port);
		String email = TestAccounts.email();
		browser.get("/register");
		Answer registered = browser.post("/register", "name", "Ada Page", "email", email, "password",
				TestAccounts.PASSWORD);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(302);
		assertThat(registered.header("Location")).endsWith("/");
		String cookie = WebSession.sessionCookie(registered);
		assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

		Answer account = browser.get("/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).contains("Ada Page").contains(email).contains("Log out");

		Answer out = browser.post("/logout");
		assertThat(out.status()).isEqualTo(302);
		assertThat(out.header("Location")).endsWith("/login?signedOut");
		Answer after = browser.get("/account");
		assertThat(after.status()).isEqualTo(302);
		assertThat(after.header("Location")).endsWith("/login");
	}

	@Test
	void theSessionIdChangesAtSignIn() {
		WebSession browser = new WebSession(port);
		String email = TestAccounts.email();
		identity.createUser(email, "Fixation Test", TestAccounts.PASSWORD, "customer");
		String before = WebSession.sessionCookie(browser.get("/login"));
		assertThat(before).isNotEmpty();
		Answer signedIn = browser.post("/login", "email", email, "password", TestAccounts.PASSWORD);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
		String after = WebSession.sessionCookie(signedIn);
		assertThat(after).isNotEmpty();
		assertThat(value(after)).isNotEqualTo(value(before));
	}

	@Test
	void aWrongPasswordIsRefusedWithAClearMessageAndRepeatedFailuresAreThrottled() {
		WebSession browser = new WebSession(port);
		String email = TestAccounts.email();
		identity.createUser(email, "Throttle Test", TestAccounts.PASSWORD, "customer");

		Answer wrong = browser.signIn(email, "not the password");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).contains("The email or the password is wrong");
		assertThat(wrong.body()).contains("value=\"" + email + "\"");

		Answer throttled = wrong;
		for (int attempt = 0; attempt < 10 && throttled.status() != 429; attempt++) {
			throttled = browser.signIn(email, "not the password");
		}
		assertThat(throttled.status()).as("throttled like the API").isEqualTo(429);
		assertThat(throttled.body()).contains("Too many failed attempts. Try again in");
		assertThat(throttled.header("Retry-After")).isNotNull();
	}

	@Test
	void formsWithoutACsrfTokenAreRefused() {
		WebSession browser = new WebSession(port);
		String email = TestAccounts.email();
		identity.createUser(email, "Csrf Test", TestAccounts.PASSWORD, "customer");
		browser.get("/login");
		assertThat(browser.postWithout("/login", "email", email, "password", TestAccounts.PASSWORD).status())
			.isEqualTo(403);
		assertThat(browser
			.postWithout("/register", "name", "X", "email", TestAccounts.email(), "password", TestAccounts.PASSWORD)
			.status()).isEqualTo(403);
		assertThat(browser.postWithout("/login", "email", email, "password", TestAccounts.PASSWORD, "_csrf", "forged")
			.status()).isEqualTo(403);
		assertThat(identity.userExists(email)).isTrue();
	}

	@Test
	void registrationNamesTheFieldAtFault() {
		WebSession browser = new WebSession(port);
		browser.get("/register");
		Answer badEmail = browser.post("/register", "name", "Bad Email", "email", "not-an-email", "password",
				TestAccounts.PASSWORD);
		assertThat(badEmail.status()).isEqualTo(400);
		assertThat(badEmail.body()).contains("id=\"email-error\"").contains("aria-invalid=\"true\"");

		Answer shortPassword = browser.post("/register", "name", "Short", "email", TestAccounts.email(), "password",
				"short");
		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.body()).contains("id=\"password-error\"");

		String taken = TestAccounts.email();
		identity.createUser(taken, "Taken", TestAccounts.PASSWORD, "customer");
		Answer takenEmail = browser.post("/register", "name", "Again", "email", taken, "password",
				TestAccounts.PASSWORD);
		assertThat(takenEmail.status()).isEqualTo(400);
		assertThat(takenEmail.body()).contains("An account with this email already exists.");
	}

	@Test
	void pagesForSignedInUsersSendVisitorsToTheLoginAndBackAfterwards() {
		WebSession browser = new WebSession(port);
		Answer bookings = browser.get("/bookings");
		assertThat(bookings.status()).isEqualTo(302);
		assertThat(bookings.header("Location")).endsWith("/login");
		String email = TestAccounts.email();
		identity.createUser(email, "Return Test", TestAccounts.PASSWORD, "customer");
		Answer signedIn = browser.signIn(email, TestAccounts.PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/bookings");
	}

	@Test
	void aTravellerCannotOpenTheAdminConsole() {
		WebSession visitor = new WebSession(port);
		assertThat(visitor.get("/admin").status()).isEqualTo(302);
		WebSession traveller = new WebSession(port);
		traveller.register("Not Admin", TestAccounts.email());
		Answer admin = traveller.get("/admin");
		assertThat(admin.status()).isEqualTo(403);
		assertThat(admin.body()).contains("You may not open this page");

		WebSession administrator = new WebSession(port);
		String email = TestAccounts.email();
		identity.createUser(email, "Page Admin", TestAccounts.PASSWORD, "admin");
		assertThat(administrator.signIn(email, TestAccounts.PASSWORD).status()).isEqualTo(302);
		Answer console = administrator.get("/admin");
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.body()).contains("<h1>Admin console</h1>");
	}

	@Test
	void theApiStaysStatelessAndIgnoresTheSessionCookie() {
		WebSession browser = new WebSession(port);
		browser.register("Api Test", TestAccounts.email());
		Answer api = browser.getWith("/api/v1/bookings");
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.contentType()).startsWith("application/problem+json");
		Answer json = new HttpApi(port).get("/", "Accept", "*/*");
		assertThat(json.contentType()).startsWith("application/json");
		Answer html = browser.get("/");
		assertThat(html.contentType()).startsWith("text/html");
	}

	private static String value(String cookie) {
		return cookie.substring(0, cookie.indexOf(';'));
	}

}
