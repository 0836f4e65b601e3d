package io.getaways.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.catalog.TestStays;
import io.getaways.catalog.internal.Listings;
import io.getaways.identity.Identity;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestBookings;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stay's path in real headless Chromium: search stays with a price filter, open one,
 * page the calendar, pick nights on it, book, pay while the hold counts down, find it in
 * My bookings; then the account's notifications, preferences and activity, and a review
 * of a completed booking. Every page is photographed at 375 and 1280 px
 * (target/screenshots/) and checked with axe-core.
 */
@IntegrationTest
class StayJourneyIT extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	Identity identity;

	@Autowired
	ApplicationContext context;

	@Test
	void aTravellerFindsAStayPicksNightsOnTheCalendarBooksAndPays() {
		String word = TestTrips.token(10);
		String code = TestStays.code();
		TestStays.create(catalog, TestStays.draft(code, "Olive " + word, "Greece", "Oia", "140.00", 4));
		SearchIndexing.awaitIndexed(context, List.of(code));
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "stay-journey");
		signIn(traveller);

		browser.findElement(By.cssSelector("input[name=kind][value=stay]")).click();
		browser.findElement(By.id("q")).sendKeys(word);
		browser.findElement(By.id("maxPrice")).sendKeys("200");
		browser.findElement(By.cssSelector("form[role=search] button")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText("Olive " + word)));
		assertThat(browser.findElement(By.cssSelector(".results")).getText()).contains("EUR 140.00 per night")
			.contains("30 of the next 30 nights free");
		check("stay-search");
		browser.findElement(By.linkText("Olive " + word)).click();

		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Olive " + word));
		check("stay");
		YearMonth next = YearMonth.now(ZoneOffset.UTC).plusMonths(1);
		browser.findElement(By.linkText("Next month ›")).click();
		// htmx swaps the month in place
		waitFor(ExpectedConditions.textToBe(By.id("month-title"),
				next.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
						+ next.getYear()));
		LocalDate checkIn = next.atDay(3);
		day(checkIn).click();
		waitFor(ExpectedConditions.attributeContains(By.cssSelector("td[data-date='" + checkIn.plusDays(3) + "'] a"),
				"href", "checkOut="));
		day(checkIn.plusDays(3)).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("stay-price"), "3 nights"));
		assertThat(browser.findElement(By.id("stay-price")).getText()).contains("EUR 420.00");
		check("stay-nights");

		browser.findElement(By.xpath("//button[normalize-space()='Continue to book']")).click();
		waitFor(ExpectedConditions.textToBe(By.id("nights"), "3"));
		check("stay-book");
		browser.findElement(By.xpath("//button[normalize-space()='Hold these nights']")).click();

		waitFor(ExpectedConditions.textToBe(By.id("status"), "Pending"));
		String first = browser.findElement(By.id("hold-left")).getText();
		assertThat(first).matches("\\d+ min \\d\\d s left");
		// the script counts down without a reload; the UTC expiry stays beside it
		waitFor(driver -> !driver.findElement(By.id("hold-left")).getText().equals(first));
		assertThat(browser.findElement(By.id("hold-expiry")).getText()).endsWith("UTC");
		check("stay-booking-pending");
		browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Pay')]")).click();
		waitFor(ExpectedConditions.textToBe(By.id("status"), "Confirmed"));

		browser.findElement(By.linkText("My bookings")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "My bookings"));
		assertThat(browser.findElement(By.tagName("tbody")).getText()).contains(code).contains("Confirmed");

		open("/stays/" + code + "?month=" + next);
		assertThat(browser.findElement(By.cssSelector("td[data-date='" + checkIn + "']")).getAttribute("class"))
			.contains("taken");
	}

	@Test
	void theAccountPagesAReviewAndAPasswordChangeWorkInTheBrowser() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "account-journey");
		String trip = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(trip, "Review Bay", "Coral Bay", Instant.now().plus(Duration.ofDays(40)), "300.00"));
		TestBookings bookings = new TestBookings(context);
		Booking booking = bookings.trip(traveller.id(), trip, 1);
		bookings.moveTo(traveller.id(), booking.id(), BookingStatus.COMPLETED);
		signIn(traveller);

		open("/account");
		check("account-links");
		browser.findElement(By.linkText("Notifications")).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Notifications"));
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
			driver.navigate().refresh();
			return !driver.findElements(By.xpath("//button[normalize-space()='Mark as read']")).isEmpty();
		});
		check("notifications");
		browser.findElement(By.xpath("//button[normalize-space()='Mark as read']")).click();
		waitFor(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "Marked as read."));

		open("/account/preferences");
		browser.findElement(By.id("homeAirport")).sendKeys("Lisbon");
		browser.findElement(By.cssSelector("input[name=offers]")).click();
		browser.findElement(By.cssSelector("input[name=searchFor][value=stay]")).click();
		check("preferences");
		browser.findElement(By.xpath("//button[normalize-space()='Save preferences']")).click();
		waitFor(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "Your preferences are saved."));
		open("/");
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("q")));
		assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("Lisbon");
		assertThat(browser.findElement(By.cssSelector("input[name=kind][value=stay]")).isSelected()).isTrue();
		check("home-preferred");

		open("/account/activity");
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Your activity"));
		check("activity");

		open("/bookings/" + booking.id());
		browser.findElement(By.linkText("Write or edit your review")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Review trip " + trip));
		check("review");
		browser.findElement(By.cssSelector("input[name=rating][value='5']")).click();
		browser.findElement(By.id("text")).sendKeys("Calm water, kind crew.");
		browser.findElement(By.xpath("//button[normalize-space()='Publish the review']")).click();
		waitFor(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "Thank you: your review is published."));

		browser.findElement(By.linkText("Write or edit your review")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your review of trip " + trip));
		check("review-edit");
		browser.findElement(By.cssSelector("input[name=rating][value='3']")).click();
		browser.findElement(By.xpath("//button[normalize-space()='Save the changes']")).click();
		waitFor(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "Your review is updated."));

		open("/account");
		browser.findElement(By.linkText("Change your password")).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Change your password"));
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.id("newPassword")).sendKeys("another good password");
		browser.findElement(By.id("repeatPassword")).sendKeys("another good passwort");
		browser.findElement(By.xpath("//button[normalize-space()='Change the password']")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("repeatPassword-error")));
		check("password-errors");
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.id("newPassword")).sendKeys("another good password");
		browser.findElement(By.id("repeatPassword")).sendKeys("another good password");
		browser.findElement(By.xpath("//button[normalize-space()='Change the password']")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
				"Your password is changed."));
	}

	private void signIn(TestAccounts.Account account) {
		open("/login");
		browser.findElement(By.id("email")).sendKeys(account.email());
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText("My bookings")));
		open("/");
	}

	private org.openqa.selenium.WebElement day(LocalDate date) {
		return browser.findElement(By.cssSelector("td[data-date='" + date + "'] a"));
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
