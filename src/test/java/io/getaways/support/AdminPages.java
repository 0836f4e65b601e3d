package io.getaways.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser sessions for the admin console's tests: an admin, a traveller, a visitor. */
public final class AdminPages {

	private AdminPages() {
	}

	/** A new admin account, signed in. */
	public static WebSession admin(int port, Identity identity) {
		WebSession browser = new WebSession(port);
		String email = "admin-" + TestAccounts.email();
		identity.createUser(email, "Console Admin", TestAccounts.PASSWORD, "admin");
		assertThat(browser.signIn(email, TestAccounts.PASSWORD).status()).isEqualTo(302);
		return browser;
	}

	/** A new traveller, registered and signed in. */
	public static WebSession traveller(int port) {
		WebSession browser = new WebSession(port);
		browser.register("Console Traveller", TestAccounts.email());
		return browser;
	}

	/**
	 * Asserts that a visitor is sent to the log-in page and a traveller refused, for a
	 * page of the console.
	 */
	public static void onlyAdminsOpen(int port, String path) {
		HttpApi.Answer visitor = new WebSession(port).get(path);
		assertThat(visitor.status()).as("a visitor at " + path).isEqualTo(302);
		assertThat(visitor.header("Location")).endsWith("/login");
		HttpApi.Answer traveller = traveller(port).get(path);
		assertThat(traveller.status()).as("a traveller at " + path).isEqualTo(403);
	}

	/** A booking a new traveller held and paid through the pages. */
	public record PaidBooking(String tripCode, String bookingId, String email) {
	}

	/** Two seats of a new trip at 500.00 USD each, held and paid by a new traveller. */
	public static PaidBooking paidBooking(int port, Catalog catalog) {
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Console " + code, "Booked Bay",
				Instant.now().plus(60, ChronoUnit.DAYS), "500.00"));
		WebSession browser = new WebSession(port);
		String email = TestAccounts.email();
		browser.register("Paying Traveller", email);
		browser.get("/bookings/new?trip=" + code + "&seats=2");
		HttpApi.Answer held = browser.post("/bookings", "trip", code, "seats", "2");
		assertThat(held.status()).as(held.toString()).isEqualTo(302);
		String path = held.header("Location").replaceFirst("^https?://[^/]+", "");
		browser.get(path);
		assertThat(browser.post(path + "/pay").status()).isEqualTo(302);
		return new PaidBooking(code, path.substring(path.lastIndexOf('/') + 1), email);
	}

}
