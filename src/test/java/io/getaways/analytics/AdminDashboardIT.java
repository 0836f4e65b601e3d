package io.getaways.analytics;

import io.getaways.identity.Identity;
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

/** The console's dashboard: report figures as tables, the chart's script, a refresh. */
@IntegrationTest
class AdminDashboardIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

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
