package io.getaways.review;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
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

/**
 * Writing, editing and deleting a review in the browser after a completed booking,
 * through the review module's API: the eligibility rules each get a sentence, fields
 * their errors, and someone else's booking is not found.
 */
@IntegrationTest
class ReviewPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Identity identity;

	@Autowired
	Reviews reviews;

	@Autowired
	ApplicationContext context;

	@Test
	void aCompletedBookingIsReviewedOnceAndTheReviewShowsOnTheTripPage() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "review-page");
		String code = trip();
		Booking booking = booking(traveller, code, BookingStatus.COMPLETED);
		WebSession browser = signedIn(traveller);

		Answer bookingPage = browser.get("/bookings/" + booking.id());
		assertThat(bookingPage.body()).contains("href=\"/bookings/" + booking.id() + "/review\"");
		Answer form = browser.get("/bookings/" + booking.id() + "/review");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Review <span>trip " + code + "</span>")
			.contains("<legend>Your rating</legend>")
			.contains("<label for=\"text\">");

		Answer noRating = browser.post("/bookings/" + booking.id() + "/review", "text", "Lovely reef");
		assertThat(noRating.status()).isEqualTo(400);
		assertThat(noRating.body()).contains("id=\"rating-error\"")
			.contains("Choose a rating from 1 to 5 stars.")
			.contains("Lovely reef");
		Answer tooLong = browser.post("/bookings/" + booking.id() + "/review", "rating", "4", "text", "x".repeat(2001));
		assertThat(tooLong.body()).contains("Write at most 2000 characters.");

		Answer posted = browser.post("/bookings/" + booking.id() + "/review", "rating", "4", "text", "Lovely reef");
		assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
		assertThat(browser.get(posted.header("Location").replaceFirst("^https?://[^/]+", "")).body())
			.contains("Thank you: your review is published.");
		assertThat(new WebSession(port).get("/trips/" + code).body()).contains("4 of 5").contains("Lovely reef");

	}

	@Test
	void theTravellerEditsAndDeletesTheirReviewFromTheBooking() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "review-edit");
		String code = trip();
		Booking booking = booking(traveller, code, BookingStatus.COMPLETED);
		WebSession browser = signedIn(traveller);
		String page = "/bookings/" + booking.id() + "/review";
		browser.get(page);
		assertThat(browser.post(page, "rating", "4", "text", "Lovely reef").status()).isEqualTo(302);

		Answer edit = browser.get(page);
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.body()).contains("Your review of <span>trip " + code + "</span>")
			.contains("value=\"4\" required checked=\"checked\"")
			.contains(">Lovely reef</textarea>")
			.contains("Save the changes")
			.contains("action=\"" + page + "/delete\"");
		Answer noRating = browser.post(page, "text", "Even better");
		assertThat(noRating.status()).isEqualTo(400);
		assertThat(noRating.body()).contains("Choose a rating from 1 to 5 stars.").contains("Save the changes");
		assertThat(new WebSession(port).get("/trips/" + code).body()).as("nothing changed").contains("Lovely reef");

		Answer updated = browser.post(page, "rating", "2", "text", "Crowded reef");
		assertThat(updated.status()).as(updated.toString()).isEqualTo(302);
		assertThat(updated.header("Location")).endsWith("?reviewUpdated");
		assertThat(browser.get("/bookings/" + booking.id() + "?reviewUpdated").body())
			.contains("Your review is updated.");
		assertThat(new WebSession(port).get("/trips/" + code).body()).contains("2 of 5")
			.contains("Crowded reef")
			.doesNotContain("Lovely reef");

		WebSession other = signedIn(TestAccounts.traveller(identity, "review-edit-other"));
		other.get("/account");
		assertThat(other.post(page + "/delete").status()).isEqualTo(404);
		assertThat(browser.postWithout(page + "/delete").status()).isEqualTo(403);
		browser.get(page);
		Answer deleted = browser.post(page + "/delete");
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(deleted.header("Location")).endsWith("?reviewDeleted");
		assertThat(new WebSession(port).get("/trips/" + code).body()).doesNotContain("Crowded reef");
		Answer writeAgain = browser.get(page);
		assertThat(writeAgain.status()).isEqualTo(200);
		assertThat(writeAgain.body()).contains("Publish the review").doesNotContain("Delete the review");
	}

	@Test
	void aBookingNotYetOverOrCancelledSaysWhyItCannotBeReviewed() {
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "review-early");
		Booking confirmed = booking(traveller, trip(), BookingStatus.CONFIRMED);
		Booking cancelled = booking(traveller, trip(), BookingStatus.CANCELLED);
		WebSession browser = signedIn(traveller);

		Answer early = browser.get("/bookings/" + confirmed.id() + "/review");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body())
			.contains("You can write a review once your trip is over and the booking shows as completed.");
		assertThat(browser.post("/bookings/" + confirmed.id() + "/review", "rating", "5").status()).isEqualTo(409);
		Answer gone = browser.get("/bookings/" + cancelled.id() + "/review");
		assertThat(gone.body()).contains("This booking was cancelled");
	}

	@Test
	void someoneElsesBookingIsNotFoundAndThePostNeedsItsCsrfToken() {
		TestAccounts.Account owner = TestAccounts.traveller(identity, "review-owner");
		Booking booking = booking(owner, trip(), BookingStatus.COMPLETED);
		WebSession other = signedIn(TestAccounts.traveller(identity, "review-other"));
		assertThat(other.get("/bookings/" + booking.id() + "/review").status()).isEqualTo(404);
		assertThat(other.post("/bookings/" + booking.id() + "/review", "rating", "1").status()).isEqualTo(404);
		assertThat(other.get("/bookings/" + UUID.randomUUID() + "/review").status()).isEqualTo(404);

		WebSession ownerBrowser = signedIn(owner);
		assertThat(ownerBrowser.postWithout("/bookings/" + booking.id() + "/review", "rating", "5").status())
			.isEqualTo(403);
		assertThat(new WebSession(port).get("/bookings/" + booking.id() + "/review").status()).isEqualTo(302);
	}

	private String trip() {
		String code = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(code, "Review Reef", "Coral Bay", Instant.now().plus(Duration.ofDays(45)), "200.00"));
		return code;
	}

	private Booking booking(TestAccounts.Account traveller, String code, BookingStatus status) {
		TestBookings bookings = new TestBookings(context);
		Booking booking = bookings.trip(traveller.id(), code, 1);
		bookings.moveTo(traveller.id(), booking.id(), status);
		return booking;
	}

	private WebSession signedIn(TestAccounts.Account account) {
		WebSession browser = new WebSession(port);
		Answer signedIn = browser.signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
		return browser;
	}

}
