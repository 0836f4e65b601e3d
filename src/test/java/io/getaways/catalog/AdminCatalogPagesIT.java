package io.getaways.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.getaways.catalog.internal.Listings;
import io.getaways.identity.Identity;
import io.getaways.support.AdminPages;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's catalog pages: list, create, edit facts and content, deactivate; errors
 * beside their fields with nothing written; admins only, with the form's token.
 */
@IntegrationTest
class AdminCatalogPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	Catalog catalog;

	@Autowired
	Listings listings;

	@Test
	void anAdminEditsATripsPriceAndContentAndTheTravellerPageShowsThem() {
		Trip trip = newTrip();
		WebSession admin = AdminPages.admin(port, identity);
		Answer list = admin.get("/admin/catalog?q=" + trip.code());
		assertThat(list.body()).contains(trip.code()).contains("USD 1,200.00");

		Answer form = admin.get("/admin/catalog/trips/" + trip.code());
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("<label for=\"pricePerPerson\">").contains("value=\"1200.00\"");
		Answer saved = admin.post("/admin/catalog/trips/" + trip.code(), fields(trip, "1350.50", "7"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
		assertThat(admin.get("/admin/catalog/trips/" + trip.code()).body()).contains("was saved");

		assertThat(catalog.findTrip(trip.code()).orElseThrow().trip().pricePerPerson()).isEqualByComparingTo("1350.50");
		// the content reaches MongoDB after commit, through the outbox
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(catalog.findTrip(trip.code()).orElseThrow().content().highlights()).containsExactly("Reef walk",
					"Sunset sail");
			Answer page = new WebSession(port).get("/trips/" + trip.code());
			assertThat(page.body()).contains("1,350.50").contains("Edited in the console").contains("Sunset sail");
		});
	}

	@Test
	void badInputIsShownBesideItsFieldsAndNothingIsWritten() {
		Trip trip = newTrip();
		WebSession admin = AdminPages.admin(port, identity);
		admin.get("/admin/catalog/trips/" + trip.code());
		Answer rejected = admin.post("/admin/catalog/trips/" + trip.code(), fields(trip, "cheap", "0"));
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.body()).contains("id=\"pricePerPerson-error\"")
			.contains("id=\"nights-error\"")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"cheap\"")
			.contains("The trip was not saved");
		assertThat(catalog.findTrip(trip.code()).orElseThrow().trip().pricePerPerson()).isEqualByComparingTo("1200");

		admin.get("/admin/catalog/trips/new");
		Answer taken = admin.post("/admin/catalog/trips", "code", trip.code(), "name", "Copy", "resort", "Copy",
				"departsAt", "2099-01-01T08:00", "nights", "3", "pricePerPerson", "10", "currency", "USD", "capacity",
				"5");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body()).contains("id=\"code-error\"").contains("is already taken");
		Answer past = admin.post("/admin/catalog/trips", "code", TestTrips.code(), "name", "Past", "resort", "Past",
				"departsAt", "2001-01-01T08:00", "nights", "3", "pricePerPerson", "10", "currency", "XXY", "capacity",
				"5");
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.body()).contains("id=\"departsAt-error\"").contains("id=\"currency-error\"");
	}

	@Test
	void anAdminCreatesAndDeactivatesATrip() {
		WebSession admin = AdminPages.admin(port, identity);
		String code = TestTrips.code();
		admin.get("/admin/catalog/trips/new");
		Answer created = admin.post("/admin/catalog/trips", "code", code, "name", "Console " + code, "resort",
				"Harbour Inn", "departsAt", "2099-03-01T09:30", "nights", "4", "pricePerPerson", "499", "currency",
				"EUR", "capacity", "12", "description", "Made in the console", "highlights", "Harbour tour");
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		Trip trip = catalog.findTrip(code).orElseThrow().trip();
		assertThat(trip.departsAt()).isEqualTo(Instant.parse("2099-03-01T09:30:00Z"));
		assertThat(trip.currency()).isEqualTo("EUR");

		admin.get("/admin/catalog");
		assertThat(admin.post("/admin/catalog/trips/" + code + "/deactivate").status()).isEqualTo(302);
		assertThat(catalog.findTrip(code).orElseThrow().trip().status()).isEqualTo(ListingStatus.INACTIVE);
		assertThat(new WebSession(port).get("/trips/" + code).status()).isEqualTo(404);
		admin.get("/admin/catalog");
		admin.post("/admin/catalog/trips/" + code + "/deactivate");
		assertThat(admin.get("/admin/catalog").body()).contains("is already INACTIVE");
	}

	@Test
	void anAdminCreatesAndEditsAStay() {
		WebSession admin = AdminPages.admin(port, identity);
		String code = TestTrips.code();
		admin.get("/admin/catalog/stays/new");
		Answer bad = admin.post("/admin/catalog/stays", "code", code, "name", "Cabin", "country", "", "city", "Tromso",
				"pricePerNight", "-1", "currency", "NOK", "maxGuests", "4");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"country-error\"").contains("id=\"pricePerNight-error\"");
		assertThat(listings.findStay(code)).isEmpty();
		Answer created = admin.post("/admin/catalog/stays", "code", code, "name", "Cabin " + code, "country", "Norway",
				"city", "Tromso", "pricePerNight", "210", "currency", "NOK", "maxGuests", "4", "amenities",
				"Sauna\nFjord view");
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		Answer page = admin.get("/admin/catalog/stays/" + code);
		assertThat(page.body()).contains("Stay " + code + " was created.").contains("value=\"210.00\"");
		Answer saved = admin.post("/admin/catalog/stays/" + code, "name", "Cabin " + code, "country", "Norway", "city",
				"Tromso", "pricePerNight", "245.50", "currency", "NOK", "maxGuests", "5", "amenities",
				"Sauna\nFjord view\nHot tub");
		assertThat(saved.status()).isEqualTo(302);
		assertThat(listings.findStay(code).orElseThrow().stay().pricePerNight()).isEqualByComparingTo("245.50");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(listings.findStay(code).orElseThrow().content().amenities())
				.containsExactly("Sauna", "Fjord view", "Hot tub"));
		assertThat(admin.get("/admin/catalog?q=" + code).body()).contains("/admin/catalog/stays/" + code);
	}

	@Test
	void onlyAdminsWithTheFormsTokenChangeTheCatalog() {
		Trip trip = newTrip();
		AdminPages.onlyAdminsOpen(port, "/admin/catalog");
		AdminPages.onlyAdminsOpen(port, "/admin/catalog/trips/" + trip.code());
		WebSession admin = AdminPages.admin(port, identity);
		admin.get("/admin/catalog/trips/" + trip.code());
		assertThat(admin.postWithout("/admin/catalog/trips/" + trip.code(), fields(trip, "1.00", "7")).status())
			.isEqualTo(403);
		WebSession traveller = AdminPages.traveller(port);
		traveller.get("/account");
		assertThat(traveller.post("/admin/catalog/trips/" + trip.code() + "/deactivate").status()).isEqualTo(403);
		Trip after = catalog.findTrip(trip.code()).orElseThrow().trip();
		assertThat(after.pricePerPerson()).isEqualByComparingTo("1200");
		assertThat(after.status()).isEqualTo(ListingStatus.ACTIVE);
		assertThat(admin.get("/admin/catalog/trips/NOSUCHTRIP1").status()).isEqualTo(404);
	}

	private Trip newTrip() {
		String code = TestTrips.code();
		Instant departs = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		return TestTrips.create(catalog, TestTrips.draft(code, "Console " + code, "Reef Lodge", departs, "1200.00"))
			.trip();
	}

	private static String[] fields(Trip trip, String price, String nights) {
		return new String[] { "name", trip.name(), "resort", trip.resort(), "departsAt",
				trip.departsAt().toString().substring(0, 16), "nights", nights, "pricePerPerson", price, "currency",
				"USD", "capacity", String.valueOf(trip.capacity()), "description", "Edited in the console",
				"highlights", "Reef walk\n\nSunset sail\n" };
	}

}
