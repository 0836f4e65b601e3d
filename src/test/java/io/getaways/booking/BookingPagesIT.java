package io.getaways.booking;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.Superuser;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hold, pay, list and cancel in a browser session, through the booking module's API as
 * the session's user: row-level security applies as it does to API requests.
 */
@IntegrationTest
class BookingPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	ApplicationContext context;

	@Test
	void holdPayListAndCancelWithTheRefundShownFirst() {
		String code = trip(60, "500.00", 24);
		WebSession browser = traveller();

		Answer confirm = browser.get("/bookings/new?trip=" + code + "&seats=2");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("USD 1,000.00");
		Answer held = browser.post("/bookings", "trip", code, "seats", "2");
		assertThat(held.status()).as(held.toString()).isEqualTo(302);
		String bookingPath = path(held);

		Answer pending = browser.get(bookingPath);
		assertThat(pending.body()).contains("Pending").contains("Your seats are held until").contains("UTC");
		Answer paid = browser.post(bookingPath + "/pay");
		assertThat(paid.status()).isEqualTo(302);
		assertThat(browser.get(path(paid)).body()).contains("Paid: your booking is confirmed.").contains("Confirmed");

		Answer list = browser.get("/bookings");
		assertThat(list.body()).contains(code).contains("Confirmed").contains("USD 1,000.00");

		Answer quote = browser.get(bookingPath + "/cancel");
		assertThat(quote.body()).contains("If you cancel now you get").contains("USD 1,000.00");
		Answer cancelled = browser.post(bookingPath + "/cancel");
		assertThat(cancelled.status()).isEqualTo(302);
		assertThat(browser.get(path(cancelled)).body()).contains("Cancelled. USD 1,000.00 will be refunded.");
	}

	@Test
	void theRefundQuoteFollowsThePolicy() {
		String code = trip(10, "300.00", 24);
		WebSession browser = traveller();
		browser.get("/bookings/new?trip=" + code + "&seats=1");
		String bookingPath = path(browser.post("/bookings", "trip", code, "seats", "1"));
		browser.get(bookingPath);
		assertThat(browser.post(bookingPath + "/pay").status()).isEqualTo(302);
		Answer quote = browser.get(bookingPath + "/cancel");
		assertThat(quote.body()).contains("<strong>USD 150.00</strong>");
	}

	@Test
	void soldOutSaysHowManySeatsAreLeft() {
		String code = trip(60, "100.00", 2);
		WebSession browser = traveller();
		browser.get("/bookings/new?trip=" + code + "&seats=3");
		Answer refused = browser.post("/bookings", "trip", code, "seats", "3");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("Only 2 seat(s) are left; choose fewer seats.");
	}

	@Test
	void anExpiredHoldSaysSoAndCannotBePaid() throws SQLException {
		String code = trip(60, "100.00", 24);
		WebSession browser = traveller();
		browser.get("/bookings/new?trip=" + code + "&seats=1");
		String bookingPath = path(browser.post("/bookings", "trip", code, "seats", "1"));
		browser.get(bookingPath);
		UUID id = UUID.fromString(bookingPath.substring(bookingPath.lastIndexOf('/') + 1));
		try (Superuser superuser = new Superuser(context)) {
			superuser.jdbc()
				.sql("UPDATE app.bookings SET hold_expires_at = now() - interval '1 second' WHERE id = :id")
				.param("id", id)
				.update();
		}
		Answer refused = browser.post(bookingPath + "/pay");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("The hold expired and the seats were released; nothing was charged.");
	}

	@Test
	void anotherTravellersBookingIsNotFoundAndFormsNeedTheirCsrfToken() {
		String code = trip(60, "100.00", 24);
		WebSession owner = traveller();
		owner.get("/bookings/new?trip=" + code + "&seats=1");
		String bookingPath = path(owner.post("/bookings", "trip", code, "seats", "1"));

		WebSession other = traveller();
		assertThat(other.get(bookingPath).status()).isEqualTo(404);
		assertThat(other.get(bookingPath + "/cancel").status()).isEqualTo(404);
		assertThat(other.post(bookingPath + "/pay").status()).isEqualTo(404);
		assertThat(other.get("/bookings/not-a-uuid").status()).isEqualTo(404);

		assertThat(owner.postWithout("/bookings", "trip", code, "seats", "1").status()).isEqualTo(403);
		assertThat(owner.postWithout(bookingPath + "/pay").status()).isEqualTo(403);
		assertThat(owner.postWithout(bookingPath + "/cancel").status()).isEqualTo(403);
		assertThat(owner.get(bookingPath).body()).contains("Pending");
	}

	private WebSession traveller() {
		WebSession browser = new WebSession(port);
		browser.register("Booking Traveller", TestAccounts.email());
		return browser;
	}

	private String trip(int daysAhead, String price, int capacity) {
		String code = TestTrips.code();
		var draft = TestTrips.draft(code, "Page Trip", "Test Bay", Instant.now().plus(Duration.ofDays(daysAhead)),
				price);
		TestTrips.create(catalog,
				new io.getaways.catalog.TripDraft(draft.code(), draft.name(), draft.resort(), draft.departsAt(),
						draft.nights(), draft.pricePerPerson(), draft.currency(), capacity, draft.content()));
		return code;
	}

	private static String path(Answer redirect) {
		assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
		String location = redirect.header("Location");
		return location.replaceFirst("^https?://[^/]+", "");
	}

}
