package io.getaways.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestTrips;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's search and a trip's page, rendered by the server from the same catalog
 * API as the JSON endpoints.
 */
@IntegrationTest
class TripPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	ApplicationContext context;

	@Test
	void theHomePageSearchesTripsAndShowsPriceRatingAndSeatsLeft() {
		String word = TestTrips.token(10);
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Reef " + word, "Lagoon Bay",
				Instant.now().plus(Duration.ofDays(60)), "1250.00"));
		SearchIndexing.awaitIndexed(context, List.of(code));

		Answer home = new WebSession(port).get("/?q=" + word);
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.contentType()).startsWith("text/html");
		assertThat(home.body()).contains("<label for=\"q\">")
			.contains("Reef " + word)
			.contains("USD 1,250.00 per person")
			.contains("24 seats left")
			.contains("Not rated yet")
			.contains("href=\"/trips/" + code + "\"");

		Answer none = new WebSession(port).get("/?q=" + TestTrips.token(12));
		assertThat(none.body()).contains("No trip matches");
	}

	@Test
	void anOverlongSearchIsRefusedWithAMessage() {
		Answer answer = new WebSession(port).get("/?q=" + "a".repeat(101));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("Search for at most 100 characters.");
	}

	@Test
	void aTripPageShowsContentSeatsLeftAndThePriceForTheChosenSeats() {
		String code = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(code, "Atoll Escape", "North Male", Instant.now().plus(Duration.ofDays(60)), "800.00"));
		// the content reaches MongoDB through the outbox
		SearchIndexing.awaitIndexed(context, List.of(code));

		Answer page = new WebSession(port).get("/trips/" + code.toLowerCase() + "?seats=3");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Atoll Escape</h1>")
			.contains("Atoll Escape at North Male")
			.contains("Snorkelling")
			.contains("24 seats left")
			.contains("<option value=\"3\" selected=\"selected\">3</option>")
			.contains("USD 2,400.00")
			.contains("No reviews yet.")
			.contains("<label for=\"seats\">Seats</label>");

		Answer price = new WebSession(port).get("/trips/" + code + "/price?seats=2");
		assertThat(price.status()).isEqualTo(200);
		assertThat(price.body()).contains("USD 1,600.00").doesNotContain("<html");
	}

	@Test
	void anUnknownTripIsAPageNotFound() {
		Answer answer = new WebSession(port).get("/trips/NOSUCHTRIP1");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith("text/html");
		assertThat(answer.body()).contains("Page not found");
	}

	@Test
	void aVisitorReadsPagesWithoutASession() {
		WebSession visitor = new WebSession(port);
		visitor.get("/");
		assertThat(visitor.hasSession()).isFalse();
	}

}
