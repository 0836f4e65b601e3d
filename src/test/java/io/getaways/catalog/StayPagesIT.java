package io.getaways.catalog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import io.getaways.catalog.internal.Listings;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestBookings;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stay's page: content from MongoDB, reviews, the month calendar with taken nights
 * marked and nights picked by plain links, the price of the chosen nights, and each
 * refusal said beside its field.
 */
@IntegrationTest
class StayPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	Identity identity;

	@Autowired
	ApplicationContext context;

	@Test
	void theStayPageShowsContentReviewsAndAMonthWithTakenNightsMarked() {
		String code = stay("Cliff Villa", "150.00", 4);
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(40);
		book(code, checkIn, checkIn.plusDays(2));
		YearMonth month = YearMonth.from(checkIn);

		Answer page = new WebSession(port).get("/stays/" + code.toLowerCase() + "?month=" + month);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Cliff Villa</h1>")
			.contains("Cliff Villa in Oia")
			.contains("Pool")
			.contains("EUR 150.00 per night")
			.contains("Up to 4 guests")
			.contains("No reviews yet.")
			.contains("<label for=\"checkIn\">Check-in</label>")
			.contains("Choose check-in and check-out to see the price.");
		assertThat(cell(page.body(), checkIn)).contains("taken").contains(", taken").doesNotContain("href");
		assertThat(cell(page.body(), checkIn.plusDays(1))).contains("taken");
		// the morning the booking ends is a free night again
		assertThat(cell(page.body(), checkIn.plusDays(2))).contains("free")
			.contains("href=\"/stays/" + code + "?month=" + month + "&amp;guests=1&amp;checkIn=" + checkIn.plusDays(2)
					+ "\"");
		assertThat(page.body()).contains("rel=\"next\"").contains("hx-get=\"/stays/" + code + "/calendar?month=");
	}

	@Test
	void pickingCheckInOffersCheckOutDaysUpToTheNextTakenNightAndThenThePrice() {
		String code = stay("Harbour Loft", "80.00", 2);
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(20);
		book(code, checkIn.plusDays(3), checkIn.plusDays(5));
		WebSession visitor = new WebSession(port);

		String picking = visitor.get("/stays/" + code + "?checkIn=" + checkIn).body();
		// check-out may be the day the next booking checks in, not later
		assertThat(cell(picking, checkIn.plusDays(3))).contains("checkOut=" + checkIn.plusDays(3))
			.contains("check out this day");
		assertThat(cell(picking, checkIn.plusDays(4))).doesNotContain("href");

		Answer priced = visitor
			.get("/stays/" + code + "?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(3) + "&guests=2");
		assertThat(priced.status()).isEqualTo(200);
		assertThat(priced.body()).contains("3 nights")
			.contains("EUR 240.00")
			.contains("Continue to book")
			.contains("name=\"checkOut\" value=\"" + checkIn.plusDays(3) + "\"")
			.contains("<option value=\"2\" selected=\"selected\">2</option>");
		assertThat(cell(priced.body(), checkIn)).contains("chosen");
	}

	@Test
	void takenNightsAndBadDatesAreRefusedBesideTheirField() {
		String code = stay("Pine Cabin", "60.00", 2);
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(30);
		book(code, checkIn.plusDays(1), checkIn.plusDays(2));
		WebSession visitor = new WebSession(port);

		Answer taken = visitor.get("/stays/" + code + "?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(4));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body()).contains("id=\"checkOut-error\"")
			.contains("Some of these nights are taken (nights of " + checkIn.plusDays(1) + " to " + checkIn.plusDays(1)
					+ "). Choose other dates.")
			.doesNotContain("Continue to book");

		Answer swapped = visitor.get("/stays/" + code + "?checkIn=" + checkIn + "&checkOut=" + checkIn);
		assertThat(swapped.status()).isEqualTo(400);
		assertThat(swapped.body()).contains("Check-out must be after check-in.");
		Answer past = visitor.get("/stays/" + code + "?checkIn=" + LocalDate.now(ZoneOffset.UTC).minusDays(2));
		assertThat(past.body()).contains("Check-in must be today (UTC) or later.");
		Answer unreadable = visitor.get("/stays/" + code + "?checkIn=soon&guests=9");
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.body()).contains("Give a date as YYYY-MM-DD.").contains("Choose 1 to 2 guests.");
	}

	@Test
	void theCalendarFragmentPagesMonthsWithinAYear() {
		String code = stay("Dune House", "70.00", 3);
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		WebSession visitor = new WebSession(port);

		Answer next = visitor.get("/stays/" + code + "/calendar?month=" + now.plusMonths(1));
		assertThat(next.status()).isEqualTo(200);
		assertThat(next.body()).doesNotContain("<html")
			.contains("id=\"calendar\"")
			.contains("month=" + now + "&amp;guests=1")
			.contains("month=" + now.plusMonths(2) + "&amp;guests=1");
		String first = visitor.get("/stays/" + code + "?month=" + now.minusMonths(3)).body();
		assertThat(first).doesNotContain("rel=\"prev\"");
		String last = visitor.get("/stays/" + code + "?month=" + now.plusMonths(30)).body();
		assertThat(last).doesNotContain("rel=\"next\"").contains(now.plusMonths(12).getYear() + "</h3>");
	}

	@Test
	void anUnknownStayIsAPageNotFound() {
		Answer answer = new WebSession(port).get("/stays/NOSUCHSTAY1");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body()).contains("Page not found");
		assertThat(new WebSession(port).get("/stays/NOSUCHSTAY1/calendar").status()).isEqualTo(404);
	}

	private String stay(String name, String price, int guests) {
		String code = TestStays.code();
		TestStays.create(catalog, TestStays.draft(code, name, "Greece", "Oia", price, guests));
		SearchIndexing.awaitIndexed(context, List.of(code));
		return code;
	}

	private void book(String code, LocalDate checkIn, LocalDate checkOut) {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "stay-page");
		new TestBookings(context).stay(traveller.id(), code, checkIn, checkOut, 1);
	}

	/** The calendar cell of the day, up to the next one. */
	private static String cell(String page, LocalDate day) {
		int start = page.indexOf("data-date=\"" + day + "\"");
		assertThat(start).as("a cell for " + day).isPositive();
		int open = page.lastIndexOf("<td", start);
		return page.substring(open, page.indexOf("</td>", start));
	}

}
