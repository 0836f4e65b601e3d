package io.getaways.platform.web;

import java.time.Duration;
import java.time.Instant;

import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin console in real headless Chromium: an admin logs in, edits a trip's price and
 * the traveller's page shows the new one; every console page is photographed at 375 and
 * 1280 px (target/screenshots/admin-*) and checked with axe-core.
 */
@IntegrationTest
class AdminConsoleBrowserIT extends BrowserTest {

	private static final String[] PAGES = { "catalog/stays/new", "bookings", "payments", "users", "api-access",
			"api-access/rate-limits", "audit", "operations" };

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Identity identity;

	@Test
	void anAdminEditsATripsPriceAndTheTravellerSiteShowsIt() {
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Console " + code, "Glacier Camp",
				Instant.now().plus(Duration.ofDays(45)), "880.00"));
		String email = "browser-admin-" + TestAccounts.email();
		identity.createUser(email, "Browser Admin", TestAccounts.PASSWORD, "admin");

		open("/login");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.xpath("//button[normalize-space()='Log in']")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText("My bookings")));

		open("/admin");
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Admin console"));
		if (!browser.findElements(By.id("revenue-chart")).isEmpty()) {
			// uPlot draws into a canvas inside the chart's box
			waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#revenue-chart canvas")));
		}
		check("admin-dashboard");

		open("/admin/catalog?q=" + code);
		check("admin-catalog");
		browser.findElement(By.partialLinkText(code)).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Trip " + code));
		check("admin-trip");
		WebElement price = browser.findElement(By.id("pricePerPerson"));
		price.clear();
		price.sendKeys("not a price");
		browser.findElement(By.xpath("//button[normalize-space()='Save the trip']")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("pricePerPerson-error")));
		check("admin-trip-rejected");
		price = browser.findElement(By.id("pricePerPerson"));
		price.clear();
		price.sendKeys("912.25");
		browser.findElement(By.xpath("//button[normalize-space()='Save the trip']")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "was saved"));

		open("/trips/" + code);
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.price"), "USD 912.25"));

		for (String page : PAGES) {
			open("/admin/" + page);
			waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.admin")));
			check("admin-" + page.replace('/', '-'));
		}
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void check(String page) {
		chromium.photographAndCheck(page);
	}

	private void waitFor(ExpectedCondition<?> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
	}

}
