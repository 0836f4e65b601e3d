package io.getaways.identity;

import java.time.Duration;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The account's preferences and activity pages: preferences go to the same document as
 * {@code /api/v1/me/preferences}, keeping keys the page does not know; activity lists the
 * traveller's own events only.
 */
@IntegrationTest
class AccountPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Test
	void preferencesAreSavedIntoTheApisDocumentKeepingOtherKeys() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "prefs-page");
		HttpApi api = new HttpApi(port);
		String bearer = "Bearer " + traveller.accessToken();
		assertThat(api
			.send("PUT", "/api/v1/me/preferences", "application/json", "{\"theme\":\"dark\"}", "Authorization", bearer)
			.status()).isEqualTo(200);
		WebSession browser = signedIn(traveller);

		Answer form = browser.get("/account/preferences");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("<label for=\"homeAirport\">Home airport or city</label>")
			.contains("name=\"bookingEmails\" value=\"on\" checked=\"checked\"");
		Answer saved = browser.post("/account/preferences", "homeAirport", "Lisbon", "searchFor", "stay", "offers",
				"on");
		assertThat(saved.status()).isEqualTo(302);
		assertThat(browser.get("/account/preferences?saved").body()).contains("Your preferences are saved.")
			.contains("value=\"Lisbon\"")
			.contains("name=\"searchFor\" value=\"stay\" checked=\"checked\"")
			.doesNotContain("name=\"bookingEmails\" value=\"on\" checked");

		String stored = api.get("/api/v1/me/preferences", "Authorization", bearer).body();
		assertThat(stored).contains("\"theme\":\"dark\"")
			.contains("\"homeAirport\":\"Lisbon\"")
			.contains("\"offers\":true")
			.contains("\"bookingEmails\":false");

		Answer tooLong = browser.post("/account/preferences", "homeAirport", "x".repeat(61));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("id=\"homeAirport-error\"")
			.contains("Give at most 60 characters, on one line.");
		assertThat(api.get("/api/v1/me/preferences", "Authorization", bearer).body()).contains("Lisbon");
		assertThat(browser.postWithout("/account/preferences", "homeAirport", "Porto").status()).isEqualTo(403);
	}

	@Test
	void theHomePageStartsFromTheTravellersPreferencesUntilTheySearch() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "prefs-home");
		WebSession browser = signedIn(traveller);
		assertThat(browser.get("/").body()).as("no preferences yet")
			.contains("name=\"kind\" value=\"trip\" checked=\"checked\"")
			.contains("id=\"q\" name=\"q\" type=\"search\" value=\"\"");
		browser.get("/account/preferences");
		assertThat(browser
			.post("/account/preferences", "homeAirport", "Lisbon", "searchFor", "stay", "bookingEmails", "on")
			.status()).isEqualTo(302);

		String home = browser.get("/").body();
		assertThat(home).contains("name=\"kind\" value=\"stay\" checked=\"checked\"")
			.contains("id=\"q\" name=\"q\" type=\"search\" value=\"Lisbon\"")
			.contains("Stays to rent");
		String chosen = browser.get("/?q=&kind=trip").body();
		assertThat(chosen).as("a search the traveller made wins")
			.contains("name=\"kind\" value=\"trip\" checked=\"checked\"")
			.contains("id=\"q\" name=\"q\" type=\"search\" value=\"\"");
		assertThat(new WebSession(port).get("/").body()).as("a visitor")
			.contains("name=\"kind\" value=\"trip\" checked=\"checked\"")
			.doesNotContain("Lisbon");
	}

	@Test
	void theActivityPageListsTheTravellersOwnSignInsAndViews() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "activity-page");
		WebSession browser = signedIn(traveller);
		browser.get("/?q=lagoon");

		String page = await().atMost(Duration.ofSeconds(30))
			.until(() -> browser.get("/account/activity").body(), body -> body.contains("Searched"));
		assertThat(page).contains("<h1>Your activity</h1>").contains("Signed in").contains("q: lagoon");
		String searches = browser.get("/account/activity?kind=SEARCH").body();
		assertThat(searches).contains("Searched").doesNotContain("<td>Signed in</td>");

		WebSession other = signedIn(TestAccounts.traveller(identity, "activity-other"));
		assertThat(other.get("/account/activity?kind=SEARCH").body()).contains("Nothing recorded here yet.");
		assertThat(new WebSession(port).get("/account/activity").status()).isEqualTo(302);
	}

	private WebSession signedIn(TestAccounts.Account account) {
		WebSession browser = new WebSession(port);
		Answer signedIn = browser.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
		return browser;
	}

}
