package io.getaways.payment;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.support.AdminPages;
import io.getaways.support.AdminPages.PaidBooking;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's payment pages: filters, one payment, a refund of a chosen amount. */
@IntegrationTest
class AdminPaymentPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	Catalog catalog;

	@Test
	void anAdminRefundsPartOfAPaymentAndBadAmountsAreShownBesideTheField() {
		PaidBooking paid = AdminPages.paidBooking(port, catalog);
		WebSession admin = AdminPages.admin(port, identity);
		Answer list = admin.get("/admin/payments?status=CAPTURED&booking=" + paid.bookingId());
		assertThat(list.body()).contains("1 payment(s)").contains("USD 1,000.00");
		String paymentPath = link(list.body());

		Answer page = admin.get(paymentPath);
		assertThat(page.body()).contains("Issue a refund (up to USD 1,000.00)").contains("<label for=\"amount\">");
		Answer notANumber = admin.post(paymentPath + "/refunds", "amount", "lots", "reason", "Goodwill");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.body()).contains("id=\"amount-error\"").contains("value=\"lots\"");
		Answer noReason = admin.post(paymentPath + "/refunds", "amount", "10", "reason", " ");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("id=\"reason-error\"");
		Answer tooMuch = admin.post(paymentPath + "/refunds", "amount", "1000.01", "reason", "Goodwill");
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.body()).contains("id=\"amount-error\"").contains("1000.00 left to refund");
		assertThat(admin.postWithout(paymentPath + "/refunds", "amount", "5", "reason", "No token").status())
			.isEqualTo(403);

		Answer refunded = admin.post(paymentPath + "/refunds", "amount", "120.50", "reason", "Late transfer");
		assertThat(refunded.status()).as(refunded.toString()).isEqualTo(302);
		Answer after = admin.get(paymentPath);
		assertThat(after.body()).contains("Refunded 120.50 through the payment gateway.")
			.contains("<dd id=\"refunded\">USD 120.50</dd>")
			.contains("Late transfer")
			.contains("Issue a refund (up to USD 879.50)");
		assertThat(admin.get("/admin/bookings/" + paid.bookingId()).body()).contains("Late transfer");
	}

	@Test
	void badFiltersAndAccess() {
		WebSession admin = AdminPages.admin(port, identity);
		Answer order = admin.get("/admin/payments?from=2030-02-01&to=2030-01-01");
		assertThat(order.status()).isEqualTo(400);
		assertThat(order.body()).contains("id=\"to-error\"");
		AdminPages.onlyAdminsOpen(port, "/admin/payments");
		WebSession traveller = AdminPages.traveller(port);
		traveller.get("/account");
		assertThat(traveller.post("/admin/payments/" + UUID.randomUUID() + "/refunds", "amount", "1", "reason", "x")
			.status()).isEqualTo(403);
	}

	private static String link(String body) {
		Matcher matcher = Pattern.compile("href=\"(/admin/payments/[0-9a-f-]{36})\"").matcher(body);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
