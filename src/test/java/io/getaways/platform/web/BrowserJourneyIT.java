package io.getaways.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.getaways.catalog.Catalog;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traveller's main path in real headless Chromium against the running server:
 * register, search, open a trip, book, pay, find it in My bookings, cancel. Every page is
 * photographed at 375 and 1280 px (target/screenshots/) and checked with axe-core.
 */
@IntegrationTest
class BrowserJourneyIT extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	ApplicationContext context;

	@Test
	void aTravellerRegistersSearchesBooksPaysAndCancels() {
		String word = TestTrips.token(10);
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Lagoon " + word, "Coral Bay",
				Instant.now().plus(Duration.ofDays(60)), "640.00"));
		SearchIndexing.awaitIndexed(context, List.of(code));

		open("/");
		check("home");
		browser.findElement(By.linkText("Register")).click();
		check("register");
		browser.findElement(By.id("name")).sendKeys("Journey Traveller");
		browser.findElement(By.id("email")).sendKeys(TestAccounts.email());
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText("My bookings")));

		browser.findElement(By.id("q")).sendKeys(word);
		browser.findElement(By.cssSelector("form[role=search] button")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText("Lagoon " + word)));
		check("search");
		browser.findElement(By.linkText("Lagoon " + word)).click();

		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Lagoon " + word));
		assertThat(browser.findElement(By.id("seats-left")).getText()).isEqualTo("24 seats left");
		new Select(browser.findElement(By.id("seats"))).selectByValue("2");
		// htmx swaps in the total for two seats
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("price"), "USD 1,280.00"));
		check("trip");
		browser.findElement(By.xpath("//button[normalize-space()='Continue to book']")).click();

		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Book Lagoon"));
		check("book");
		browser.findElement(By.xpath("//button[normalize-space()='Hold my seats']")).click();

		waitFor(ExpectedConditions.textToBe(By.id("status"), "Pending"));
		check("booking-pending");
		browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Pay')]")).click();
		waitFor(ExpectedConditions.textToBe(By.id("status"), "Confirmed"));
		check("booking-confirmed");

		browser.findElement(By.linkText("My bookings")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "My bookings"));
		assertThat(browser.findElement(By.tagName("tbody")).getText()).contains(code).contains("Confirmed");
		check("my-bookings");
		browser.findElement(By.linkText(code)).click();

		browser.findElement(By.linkText("Cancel this booking")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("refund"), "USD 1,280.00"));
		check("cancel");
		browser.findElement(By.xpath("//button[normalize-space()='Yes, cancel the booking']")).click();
		waitFor(ExpectedConditions.textToBe(By.id("status"), "Cancelled"));
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText())
			.isEqualTo("Cancelled. USD 1,280.00 will be refunded.");

		open("/admin");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You may not open this page");
		check("admin-refused");

		open("/account");
		check("account");
		browser.findElement(By.cssSelector("main form button")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "You have logged out."));
		check("login");
	}

	@Test
	void everyControlIsReachableByKeyboardWithAVisibleFocus() {
		open("/login");
		// the first Tab lands on the skip link, which then becomes visible
		browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
		var focused = browser.switchTo().activeElement();
		assertThat(focused.getText()).isEqualTo("Skip to the content");
		assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void check(String page) {
		chromium.screenshots(page);
		assertThat(chromium.seriousAccessibilityViolations()).as("axe-core on the " + page + " page").isEmpty();
	}

	private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
	}

}
