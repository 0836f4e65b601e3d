package io.getaways.booking;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.getaways.catalog.TestStays;
import io.getaways.catalog.internal.Listings;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestAccounts;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holding a stay's nights from the browser through the booking module's stay API, then
 * paying on the booking's page with its countdown.
 */
@IntegrationTest
class StayBookingPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	ApplicationContext context;

	@Test
	void holdNightsSeeTheCountdownPayAndFindThemInMyBookings() {
		String code = stay(3);
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(25);
		WebSession browser = traveller();

		Answer confirm = browser.get("/bookings/new?stay=" + code.toLowerCase() + "&checkIn=" + checkIn + "&checkOut="
				+ checkIn.plusDays(3) + "&guests=2");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("Book stay <span>" + code + "</span>")
			.contains("<dd id=\"nights\">3</dd>")
			.contains("EUR 360.00")
			.contains("Hold these nights");
		Answer held = browser.post("/bookings", "stay", code, "checkIn", checkIn.toString(), "checkOut",
				checkIn.plusDays(3).toString(), "guests", "2");
		String bookingPath = path(held);

		Answer pending = browser.get(bookingPath);
		assertThat(pending.body()).contains("Pending")
			.contains("Your nights are held until")
			.contains("UTC")
			.contains("role=\"timer\"")
			.containsPattern("1[45] min \\d\\d s left")
			.contains("/js/countdown.js")
			.contains("<dt>Nights</dt><dd>3</dd>")
			.contains("<dt>Guests</dt><dd>2</dd>");
		assertThat(browser.post(bookingPath + "/pay").status()).isEqualTo(302);
		assertThat(browser.get(bookingPath).body()).contains("Confirmed");
		assertThat(browser.get("/bookings").body()).contains(code).contains("2 guest(s)").contains("EUR 360.00");

		Answer again = browser.get("/stays/" + code + "?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(1));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("Some of these nights are taken").doesNotContain("Continue to book");
	}

	@Test
	void nightsTakenMeanwhileAreRefusedNamingThemAndNothingIsHeld() {
		String code = stay(2);
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(35);
		WebSession first = traveller();
		first.get("/bookings/new?stay=" + code + "&checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(2));
		path(first.post("/bookings", "stay", code, "checkIn", checkIn.toString(), "checkOut",
				checkIn.plusDays(2).toString(), "guests", "1"));

		WebSession second = traveller();
		second
			.get("/bookings/new?stay=" + code + "&checkIn=" + checkIn.plusDays(1) + "&checkOut=" + checkIn.plusDays(4));
		Answer refused = second.post("/bookings", "stay", code, "checkIn", checkIn.plusDays(1).toString(), "checkOut",
				checkIn.plusDays(4).toString(), "guests", "1");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("These nights are no longer free (taken: nights of " + checkIn + " to "
				+ checkIn.plusDays(1) + "). Nothing was held; choose other dates.");
		assertThat(second.get("/bookings").body()).contains("You have no bookings yet.");

		Answer tooMany = second.post("/bookings", "stay", code, "checkIn", checkIn.plusDays(5).toString(), "checkOut",
				checkIn.plusDays(6).toString(), "guests", "5");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("Guests must be at most 2 for stay " + code + ".");
		Answer swapped = second.get("/bookings/new?stay=" + code + "&checkIn=" + checkIn + "&checkOut=nope");
		assertThat(swapped.status()).isEqualTo(400);
		assertThat(swapped.body()).contains("Check-out must be a date as YYYY-MM-DD.");
	}

	@Test
	void anUnknownStayIsNotFoundAndTheHoldNeedsItsCsrfToken() {
		WebSession browser = traveller();
		assertThat(browser.get("/bookings/new?stay=NOSUCHSTAY9&checkIn=2030-01-01&checkOut=2030-01-02").status())
			.isEqualTo(404);
		String code = stay(2);
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(50);
		assertThat(browser
			.postWithout("/bookings", "stay", code, "checkIn", checkIn.toString(), "checkOut",
					checkIn.plusDays(1).toString(), "guests", "1")
			.status()).isEqualTo(403);
		WebSession visitor = new WebSession(port);
		Answer login = visitor
			.get("/bookings/new?stay=" + code + "&checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(1));
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).endsWith("/login");
	}

	private String stay(int maxGuests) {
		String code = TestStays.code();
		TestStays.create(catalog, TestStays.draft(code, "Booking Villa", "Portugal", "Sintra", "120.00", maxGuests));
		SearchIndexing.awaitIndexed(context, List.of(code));
		return code;
	}

	private WebSession traveller() {
		WebSession browser = new WebSession(port);
		browser.register("Stay Traveller", TestAccounts.email());
		return browser;
	}

	private static String path(Answer redirect) {
		assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
		return redirect.header("Location").replaceFirst("^https?://[^/]+", "");
	}

}
