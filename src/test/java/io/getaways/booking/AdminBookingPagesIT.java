package io.getaways.booking;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.support.AdminPages;
import io.getaways.support.AdminPages.PaidBooking;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's booking pages: filters, one booking, the admin's cancellation. */
@IntegrationTest
class AdminBookingPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	Catalog catalog;

	@Test
	void anAdminFiltersBookingsByTripStatusDatesAndEmail() {
		PaidBooking paid = AdminPages.paidBooking(port, catalog);
		WebSession admin = AdminPages.admin(port, identity);
		Answer byTrip = admin.get("/admin/bookings?trip=" + paid.tripCode().toLowerCase());
		assertThat(byTrip.status()).isEqualTo(200);
		assertThat(byTrip.body()).contains("1 booking(s)").contains(paid.bookingId()).contains("Confirmed");
		assertThat(admin.get("/admin/bookings?status=CANCELLED&trip=" + paid.tripCode()).body())
			.contains("0 booking(s)");
		assertThat(admin.get("/admin/bookings?email=" + paid.email()).body()).contains(paid.bookingId());
		assertThat(admin.get("/admin/bookings?email=" + TestAccounts.email()).body())
			.contains("No account has the email");
		String day = LocalDate.now(ZoneOffset.UTC).plusDays(60).toString();
		assertThat(admin.get("/admin/bookings?trip=" + paid.tripCode() + "&from=" + day + "&to=" + day).body())
			.contains(paid.bookingId());
	}

	@Test
	void badFiltersAreShownBesideTheirFields() {
		WebSession admin = AdminPages.admin(port, identity);
		Answer badCode = admin.get("/admin/bookings?trip=no!");
		assertThat(badCode.status()).isEqualTo(400);
		assertThat(badCode.body()).contains("id=\"trip-error\"").contains("must be 4 to 20 letters or digits");
		Answer order = admin.get("/admin/bookings?from=2030-02-01&to=2030-01-01");
		assertThat(order.status()).isEqualTo(400);
		assertThat(order.body()).contains("id=\"to-error\"").contains("must not be before from");
		Answer badDate = admin.get("/admin/bookings?from=yesterday");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.body()).contains("id=\"from-error\"");
	}

	@Test
	void anAdminOpensABookingWithItsPaymentAndCancelsItWithAFullRefund() {
		PaidBooking paid = AdminPages.paidBooking(port, catalog);
		WebSession admin = AdminPages.admin(port, identity);
		Answer page = admin.get("/admin/bookings/" + paid.bookingId());
		assertThat(page.body()).contains("Confirmed").contains("USD 1,000.00").contains("/admin/payments/");
		assertThat(admin.postWithout("/admin/bookings/" + paid.bookingId() + "/cancel").status()).isEqualTo(403);
		Answer cancelled = admin.post("/admin/bookings/" + paid.bookingId() + "/cancel");
		assertThat(cancelled.status()).isEqualTo(302);
		Answer after = admin.get("/admin/bookings/" + paid.bookingId());
		assertThat(after.body()).contains("refunded in full: 1000.00 USD").contains("Cancelled");
		admin.post("/admin/bookings/" + paid.bookingId() + "/cancel");
		assertThat(admin.get("/admin/bookings/" + paid.bookingId()).body()).contains("cannot be cancelled");
	}

	@Test
	void onlyAdminsOpenTheBookingPages() {
		PaidBooking paid = AdminPages.paidBooking(port, catalog);
		AdminPages.onlyAdminsOpen(port, "/admin/bookings");
		AdminPages.onlyAdminsOpen(port, "/admin/bookings/" + paid.bookingId());
		assertThat(AdminPages.admin(port, identity).get("/admin/bookings/" + UUID.randomUUID()).status())
			.isEqualTo(404);
	}

}
