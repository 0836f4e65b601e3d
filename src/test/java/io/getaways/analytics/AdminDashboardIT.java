package io.getaways.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.booking.DailyBookings;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.payment.DailyRevenue;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.NotAllowedException;
import io.getaways.support.AdminPages;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.PageWeight;
import io.getaways.support.TestAccounts;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console's dashboard: report figures as tables, the chart's script, a refresh, and
 * today's bookings and revenue read live.
 */
@IntegrationTest
class AdminDashboardIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	Catalog catalog;

	@Autowired
	DailyBookings bookings;

	@Autowired
	DailyRevenue revenue;

	@Test
	void anAdminSeesTheFiguresAsTablesWithTheChartLoadedOnlyThere() {
		WebSession admin = AdminPages.admin(port, identity);
		Answer page = admin.get("/admin");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Admin console</h1>")
			.contains("aria-label=\"Admin console\"")
			.contains("<caption>Revenue by month and currency")
			.contains("<caption>Bookings held by the week")
			.contains("<caption>Seats sold and held per departing trip")
			.contains("<th scope=\"col\">Net</th>")
			.contains("/webjars/uplot/dist/uPlot.iife.min.js")
			.contains("/js/admin-dashboard.js");
		assertThat(admin.get("/admin/catalog").body()).doesNotContain("uPlot");
		Answer script = admin.getWith("/webjars/uplot/dist/uPlot.iife.min.js", "Accept-Encoding", "gzip");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.header("Content-Encoding")).isEqualTo("gzip");
	}

	@Test
	void todaysBookingsAndRevenueAreReadLiveBesideTheReports() {
		WebSession admin = AdminPages.admin(port, identity);
		String before = admin.get("/admin").body();
		assertThat(before).contains("<h2>Today</h2>").contains("<dt>Bookings made today</dt>");

		AdminPages.paidBooking(port, catalog);
		String after = admin.get("/admin").body();
		assertThat(figure(after, "today-made")).isEqualTo(figure(before, "today-made") + 1);
		assertThat(figure(after, "today-confirmed")).isEqualTo(figure(before, "today-confirmed") + 1);
		assertThat(usd(after).subtract(usd(before))).isEqualByComparingTo("1000.00");
		assertThat(after).as("the report views were not refreshed meanwhile")
			.contains("<h2>This week and this month</h2>");
	}

	@Test
	void todaysFiguresAreForAdminsOnly() {
		Actor traveller = new Actor(Actor.Role.CUSTOMER, UUID.randomUUID().toString(), "test", null, null, null);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThatThrownBy(() -> ActorContext.callAs(traveller, () -> bookings.on(today)))
			.isInstanceOf(NotAllowedException.class);
		assertThatThrownBy(() -> ActorContext.callAs(traveller, () -> revenue.on(today)))
			.isInstanceOf(NotAllowedException.class);
	}

	private static long figure(String page, String id) {
		Matcher figure = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
		assertThat(figure.find()).as(id + " on the page").isTrue();
		return Long.parseLong(figure.group(1));
	}

	/** Today's net revenue in USD as the page prints it, 0 when none. */
	private static BigDecimal usd(String page) {
		String today = page.substring(page.indexOf("id=\"today-revenue\""));
		today = today.substring(0, today.indexOf("</dd>"));
		Matcher amount = Pattern.compile("USD (-?[\\d,]+\\.\\d\\d)").matcher(today);
		return amount.find() ? new BigDecimal(amount.group(1).replace(",", "")) : BigDecimal.ZERO;
	}

	@Test
	void theDashboardKeepsTheSitesWeightBudgetWithItsChart() {
		Answer page = AdminPages.admin(port, identity).get("/admin");
		PageWeight weight = PageWeight.of(new HttpApi(port), page.body());
		// uPlot replaces htmx here: the dashboard has nothing for htmx to do
		assertThat(weight.assets()).noneMatch(asset -> asset.contains("htmx"));
		assertThat(weight.total()).as("HTML+CSS+JS compressed: " + weight.assets()).isLessThanOrEqualTo(100 * 1024);
		assertThat(weight.script()).as("JS compressed: " + weight.assets()).isLessThanOrEqualTo(30 * 1024);
	}

	@Test
	void anAdminRefreshesTheFiguresWithTheFormsToken() {
		WebSession admin = AdminPages.admin(port, identity);
		admin.get("/admin");
		assertThat(admin.postWithout("/admin/reports/refresh").status()).isEqualTo(403);
		Answer refreshed = admin.post("/admin/reports/refresh");
		assertThat(refreshed.status()).isEqualTo(302);
		assertThat(refreshed.header("Location")).endsWith("/admin?refreshed");
		assertThat(admin.get("/admin?refreshed").body()).contains("The report views were refreshed.");
	}

	@Test
	void anAdminSignedInFromAConsolePageReturnsToIt() {
		WebSession browser = new WebSession(port);
		assertThat(browser.get("/admin/catalog?status=ACTIVE").status()).isEqualTo(302);
		String email = TestAccounts.email();
		identity.createUser(email, "Returning Admin", TestAccounts.PASSWORD, "admin");
		Answer signedIn = browser.signIn(email, TestAccounts.PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/admin/catalog?status=ACTIVE");
	}

	@Test
	void travellersAndVisitorsCannotOpenIt() {
		AdminPages.onlyAdminsOpen(port, "/admin");
		WebSession traveller = AdminPages.traveller(port);
		traveller.get("/account");
		assertThat(traveller.post("/admin/reports/refresh").status()).isEqualTo(403);
	}

}
