package io.getaways.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.getaways.catalog.internal.Listings;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestBookings;
import io.getaways.support.TestTrips;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The home page's filters: price range, dates, trips or stays, order; results with price,
 * rating and seats or nights free; a field that cannot be read is named beside it.
 */
@IntegrationTest
class HomeSearchPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	Identity identity;

	@Autowired
	ApplicationContext context;

	@Test
	void tripsAreFilteredByPriceAndDepartureAndOrderedByPrice() {
		String word = TestTrips.token(10);
		String cheap = TestTrips.code();
		String dear = TestTrips.code();
		Instant soon = Instant.now().plus(Duration.ofDays(20));
		Instant later = Instant.now().plus(Duration.ofDays(80));
		TestTrips.create(catalog, TestTrips.draft(dear, "Dear " + word, "Palm Cove", soon, "900.00"));
		TestTrips.create(catalog, TestTrips.draft(cheap, "Cheap " + word, "Palm Cove", later, "300.00"));
		SearchIndexing.awaitIndexed(context, List.of(cheap, dear));
		WebSession visitor = new WebSession(port);

		String byPrice = visitor.get("/?q=" + word + "&sort=price").body();
		assertThat(byPrice.indexOf("Cheap " + word)).isPositive().isLessThan(byPrice.indexOf("Dear " + word));
		String byDeparture = visitor.get("/?q=" + word).body();
		assertThat(byDeparture.indexOf("Dear " + word)).isPositive().isLessThan(byDeparture.indexOf("Cheap " + word));

		Answer belowFiveHundred = visitor.get("/?q=" + word + "&maxPrice=500");
		assertThat(belowFiveHundred.status()).isEqualTo(200);
		assertThat(belowFiveHundred.body()).contains("Cheap " + word)
			.contains("USD 300.00 per person")
			.contains("24 seats left")
			.doesNotContain("Dear " + word)
			.contains("value=\"500\"");

		LocalDate from = day(later).minusDays(1);
		String departingLater = visitor.get("/?q=" + word + "&from=" + from).body();
		assertThat(departingLater).contains("Cheap " + word).doesNotContain("Dear " + word);
		String departingSoon = visitor.get("/?q=" + word + "&minPrice=100&to=" + day(soon).plusDays(1)).body();
		assertThat(departingSoon).contains("Dear " + word).doesNotContain("Cheap " + word);
	}

	/**
	 * The cards are rendered once per distinct list and shared between visitors: a
	 * booking shows at once, and nothing of one visitor reaches another's page.
	 */
	@Test
	void sharedResultCardsFollowEveryChangeAndCarryNothingOfTheVisitor() {
		String word = TestTrips.token(10);
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Shared " + word, "Palm Cove",
				Instant.now().plus(Duration.ofDays(30)), "500.00"));
		SearchIndexing.awaitIndexed(context, List.of(code));
		WebSession signedIn = new WebSession(port);
		String email = "cards-" + word.toLowerCase() + "@example.com";
		signedIn.register("Cardholder " + word, email);
		WebSession visitor = new WebSession(port);

		String first = signedIn.get("/?q=" + word).body();
		assertThat(first).contains("Shared " + word).contains("24 seats left").contains("Cardholder " + word);
		String shared = visitor.get("/?q=" + word).body();
		assertThat(shared).contains("24 seats left").doesNotContain("Cardholder").doesNotContain(email);

		TestAccounts.Account traveller = TestAccounts.traveller(identity, "home-cards");
		new TestBookings(context).trip(traveller.id(), code, 3);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(visitor.get("/?q=" + word).body()).contains("21 seats left")
				.doesNotContain("24 seats left"));
		assertThat(signedIn.get("/?q=" + word).body()).contains("21 seats left").contains("Cardholder " + word);
	}

	@Test
	void staysShowNightsFreeAndLeaveOutThoseTakenOnTheDatesAskedFor() {
		String word = TestTrips.token(10);
		String free = TestStays.code();
		String taken = TestStays.code();
		TestStays.create(catalog, TestStays.draft(free, "Villa " + word, "Greece", "Oia", "150.00", 4));
		TestStays.create(catalog, TestStays.draft(taken, "Lodge " + word, "Greece", "Fira", "90.00", 2));
		SearchIndexing.awaitIndexed(context, List.of(free, taken));
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(5);
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "home-stay");
		new TestBookings(context).stay(traveller.id(), taken, checkIn.plusDays(1), checkIn.plusDays(3), 2);
		WebSession visitor = new WebSession(port);

		String all = visitor.get("/?kind=stay&q=" + word + "&sort=price").body();
		assertThat(all).contains("Stays matching")
			.contains("EUR 150.00 per night")
			.contains("Up to 4 guests")
			.contains("30 of the next 30 nights free")
			.contains("28 of the next 30 nights free")
			.contains("href=\"/stays/" + free + "\"");
		assertThat(all.indexOf("Lodge " + word)).isPositive().isLessThan(all.indexOf("Villa " + word));

		Answer dated = visitor.get("/?kind=stay&q=" + word + "&from=" + checkIn + "&to=" + checkIn.plusDays(3));
		assertThat(dated.status()).isEqualTo(200);
		assertThat(dated.body()).contains("Villa " + word)
			.contains("Free for your 3 nights")
			.contains("href=\"/stays/" + free + "?checkIn=" + checkIn + "&amp;checkOut=" + checkIn.plusDays(3) + "\"")
			.doesNotContain("Lodge " + word);
	}

	@Test
	void resultsComeTwentyAPageWithTheFiltersKeptInTheLinks() {
		String word = TestTrips.token(10);
		List<String> codes = new java.util.ArrayList<>();
		Instant departs = Instant.now().plus(Duration.ofDays(40));
		for (int i = 1; i <= 23; i++) {
			String code = TestTrips.code();
			codes.add(code);
			TestTrips.create(catalog,
					TestTrips.draft(code, "Paged %02d %s".formatted(i, word), "Palm Cove", departs, (100 + i) + ".00"));
		}
		SearchIndexing.awaitIndexed(context, codes);
		WebSession visitor = new WebSession(port);
		String search = "/?q=" + word + "&kind=trip&sort=price&maxPrice=1000";

		String first = visitor.get(search).body();
		assertThat(first).contains("Paged 01 " + word)
			.contains("Paged 20 " + word)
			.doesNotContain("Paged 21 " + word)
			.contains("Page 1 of 2")
			.contains(
					"href=\"/?q=" + word + "&amp;kind=trip&amp;sort=price&amp;maxPrice=1000&amp;page=2\" rel=\"next\"")
			.doesNotContain("rel=\"prev\"");

		Answer second = visitor.get(search + "&page=2");
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).contains("Paged 21 " + word)
			.contains("Paged 23 " + word)
			.doesNotContain("Paged 20 " + word)
			.contains("Page 2 of 2")
			.contains(
					"href=\"/?q=" + word + "&amp;kind=trip&amp;sort=price&amp;maxPrice=1000&amp;page=1\" rel=\"prev\"")
			.doesNotContain("rel=\"next\"");

		Answer pastTheEnd = visitor.get(search + "&page=7");
		assertThat(pastTheEnd.status()).isEqualTo(200);
		assertThat(pastTheEnd.body()).contains("There is no page <span>7</span>: the results end on page")
			.contains("href=\"/?q=" + word + "&amp;kind=trip&amp;sort=price&amp;maxPrice=1000&amp;page=2\"")
			.doesNotContain("Paged 01 " + word)
			.doesNotContain("No trip matches");

		assertThat(visitor.get(search + "&page=first").body()).as("an unreadable page is the first")
			.contains("Paged 01 " + word)
			.contains("Page 1 of 2");
		assertThat(visitor.get("/?q=" + word + "&maxPrice=110").body()).as("one page of results needs no links")
			.contains("Paged 10 " + word)
			.doesNotContain("Result pages");
	}

	@Test
	void aFieldThatCannotBeReadIsNamedBesideIt() {
		WebSession visitor = new WebSession(port);
		Answer price = visitor.get("/?minPrice=cheap&maxPrice=-1");
		assertThat(price.status()).isEqualTo(400);
		assertThat(price.body()).contains("id=\"minPrice-error\"")
			.contains("Give an amount such as 500 or 499.99.")
			.contains("id=\"maxPrice-error\"")
			.contains("Give an amount of 0 or more, with at most two decimals.")
			.contains("aria-invalid=\"true\"");

		Answer range = visitor.get("/?minPrice=500&maxPrice=100");
		assertThat(range.status()).isEqualTo(400);
		assertThat(range.body()).contains("The highest price must not be below the lowest.");

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Answer stayDates = visitor.get("/?kind=stay&from=" + today.plusDays(3) + "&to=" + today.plusDays(3));
		assertThat(stayDates.status()).isEqualTo(400);
		assertThat(stayDates.body()).contains("Check-out must be after check-in.");
		Answer oneDate = visitor.get("/?kind=stay&from=" + today.plusDays(3));
		assertThat(oneDate.body()).contains("For stays, give both check-in and check-out.");
		Answer past = visitor.get("/?kind=stay&from=" + today.minusDays(1) + "&to=" + today.plusDays(2));
		assertThat(past.body()).contains("Check-in must be today (UTC) or later.");
		Answer notADate = visitor.get("/?from=tomorrow");
		assertThat(notADate.status()).isEqualTo(400);
		assertThat(notADate.body()).contains("Give a date as YYYY-MM-DD.");
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
