package io.getaways.platform.web;

import java.time.Duration;
import java.util.Map;

import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys on the pages in real headless Chromium, with Chrome's virtual authenticator (a
 * platform authenticator that holds real keys and signs real assertions): a traveller
 * adds a passkey on the account page, logs out, logs in with it, and removes it.
 */
@IntegrationTest
class PasskeyPagesIT {

	@LocalServerPort
	int port;

	private Chromium chromium;

	private ChromeDriver browser;

	private VirtualAuthenticator authenticator;

	@BeforeEach
	void openBrowser() {
		chromium = Chromium.start();
		browser = chromium.driver();
		authenticator = browser.addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true)
					.setIsUserConsenting(true));
	}

	@AfterEach
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aTravellerAddsAPasskeyLogsInWithItAndRemovesIt() {
		String name = "Passkey Traveller";
		register(name);
		open("/account");
		assertThat(text("main")).contains("You have no passkeys.");
		browser.findElement(By.id("passkey-label")).sendKeys("Test laptop");
		browser.findElement(By.id("passkey-add")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
				"Your passkey was added."));
		assertThat(text("table.passkeys tbody")).contains("Test laptop").contains("Never");
		assertThat(authenticator.getCredentials()).hasSize(1);
		check("account-passkeys");

		logOut();
		open("/login");
		browser.findElement(By.id("passkey-sign-in")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText(name)));
		open("/account");
		assertThat(text("table.passkeys tbody")).contains("Test laptop").doesNotContain("Never");

		browser.findElement(By.cssSelector("table.passkeys button")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
				"The passkey was removed."));
		assertThat(text("main")).contains("You have no passkeys.");
	}

	@Test
	void aPasskeyTheServerDoesNotKnowIsRefusedWithAMessage() {
		register("Unknown Passkey");
		open("/account");
		browser.findElement(By.id("passkey-label")).sendKeys("Soon gone");
		browser.findElement(By.id("passkey-add")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
				"Your passkey was added."));
		browser.findElement(By.cssSelector("table.passkeys button")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
				"The passkey was removed."));

		// the authenticator still holds the key the server has forgotten
		logOut();
		open("/login");
		browser.findElement(By.id("passkey-sign-in")).click();
		waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-passkey-status]")));
		assertThat(text("[data-passkey-status]"))
			.isEqualTo("That passkey was not accepted. Try again, or log in " + "with your password.");
		assertThat(browser.findElements(By.linkText("Log in"))).isNotEmpty();
		check("login-passkey-refused");
	}

	@Test
	void aForgedAssertionIsA401AndStartsNoSession() {
		open("/login");
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const root = document.querySelector('[data-passkey]');
				const headers = { 'Content-Type': 'application/json' };
				headers[root.dataset.csrfHeader] = root.dataset.csrf;
				fetch('/login/passkey/options', { method: 'POST', headers, body: '{}' })
				  .then(r => r.json())
				  .then(options => fetch('/login/passkey', { method: 'POST', headers, body: JSON.stringify({
				    challengeId: options.challengeId,
				    credential: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', clientExtensionResults: {},
				      response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' } } }) }))
				  .then(r => r.json().then(json => done({ status: r.status, message: json.message })))
				  .catch(e => done({ status: -1, message: String(e) }));""");
		assertThat(answer).containsEntry("status", 401L);
		assertThat((String) answer.get("message")).startsWith("That passkey was not accepted");
		open("/account");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}

	private void register(String name) {
		open("/register");
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.id("email")).sendKeys(TestAccounts.email());
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText(name)));
	}

	private void logOut() {
		browser.findElement(By.cssSelector("header form button")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "You have logged out."));
	}

	private String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void check(String page) {
		chromium.screenshots(page);
		assertThat(chromium.seriousAccessibilityViolations()).as("axe-core on the " + page + " page").isEmpty();
	}

	private void waitFor(ExpectedCondition<?> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
	}

}
