package io.getaways.notification;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
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
 * The notifications inbox: {@code GET /api/v1/me/notifications} and {@code POST
 * .../{id}/read} for API clients, {@code /account/notifications} in the browser; each
 * user sees and marks only their own.
 */
@IntegrationTest
class NotificationInboxIT {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Identity identity;

	@Autowired
	ApplicationContext context;

	@Test
	void aConfirmedBookingArrivesInTheInboxAndIsMarkedReadThroughTheApi() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "inbox-api");
		String code = confirmedBooking(traveller);
		HttpApi api = new HttpApi(port);
		String bearer = "Bearer " + traveller.accessToken();

		JsonNode inbox = await().atMost(Duration.ofSeconds(30)).until(() -> {
			Answer answer = api.get("/api/v1/me/notifications", "Authorization", bearer);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			return answer.json();
		}, json -> json.get("items").size() == 1);
		JsonNode item = inbox.get("items").get(0);
		assertThat(inbox.get("unread").asInt()).as(inbox.toString()).isEqualTo(1);
		assertThat(item.has("read")).as(inbox.toString()).isTrue();
		assertThat(item.get("kind").asString()).isEqualTo("BOOKING_CONFIRMED");
		assertThat(item.get("message").asString())
			.isEqualTo("Your booking of trip " + code + " is confirmed: USD 250.00 paid.");
		assertThat(item.get("read").asBoolean()).isFalse();

		String id = item.get("id").asString();
		TestAccounts.Account other = TestAccounts.traveller(identity, "inbox-other");
		assertThat(api
			.send("POST", "/api/v1/me/notifications/" + id + "/read", null, null, "Authorization",
					"Bearer " + other.accessToken())
			.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/me/notifications", "Authorization", "Bearer " + other.accessToken())
			.json()
			.get("items")
			.size()).isZero();

		Answer marked = api.send("POST", "/api/v1/me/notifications/" + id + "/read", null, null, "Authorization",
				bearer);
		assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
		assertThat(marked.json().get("read").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/me/notifications", "Authorization", bearer).json().get("unread").asInt()).isZero();
		assertThat(api.get("/api/v1/me/notifications?limit=0", "Authorization", bearer).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/me/notifications").status()).isEqualTo(401);
	}

	@Test
	void theInboxPageListsNotificationsNewestFirstAndMarksOneRead() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "inbox-page");
		String code = confirmedBooking(traveller);
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(traveller.email(), TestAccounts.PASSWORD).status()).isEqualTo(302);

		String page = await().atMost(Duration.ofSeconds(30))
			.until(() -> browser.get("/account/notifications").body(), body -> body.contains("Mark as read"));
		assertThat(page).contains("<h1>Notifications</h1>")
			.contains("Your booking of trip " + code + " is confirmed: USD 250.00 paid.")
			.contains("New: ")
			.contains("See the booking");
		String id = page.replaceFirst("(?s).*action=\"/account/notifications/([^\"]+)/read\".*", "$1");
		Answer marked = browser.post("/account/notifications/" + id + "/read");
		assertThat(marked.status()).isEqualTo(302);
		String after = browser.get("/account/notifications?marked").body();
		assertThat(after).contains("Marked as read.").doesNotContain("Mark as read").contains("&middot; read");

		assertThat(browser.post("/account/notifications/booking-confirmed:nope/read").status()).isEqualTo(404);
		assertThat(browser.postWithout("/account/notifications/" + id + "/read").status()).isEqualTo(403);
		assertThat(new WebSession(port).get("/account/notifications").status()).isEqualTo(302);
	}

	private String confirmedBooking(TestAccounts.Account traveller) {
		String code = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(code, "Inbox Isle", "Coral Bay", Instant.now().plus(Duration.ofDays(30)), "250.00"));
		TestBookings bookings = new TestBookings(context);
		Booking booking = bookings.trip(traveller.id(), code, 1);
		bookings.moveTo(traveller.id(), booking.id(), BookingStatus.CONFIRMED);
		return code;
	}

}
