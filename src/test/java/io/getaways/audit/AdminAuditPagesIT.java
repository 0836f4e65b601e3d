package io.getaways.audit;

import io.getaways.identity.Identity;
import io.getaways.support.AdminPages;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's audit page: filtered entries, the chain's state, a verification run. */
@IntegrationTest
class AdminAuditPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Test
	void anAdminFiltersEntriesByTableAndRecord() {
		String email = "audited-" + TestAccounts.email();
		String id = identity.createUser(email, "Audited", TestAccounts.PASSWORD, "customer").id().toString();
		WebSession admin = AdminPages.admin(port, identity);
		Answer entries = admin.get("/admin/audit?table=app.users&record=" + id);
		assertThat(entries.status()).isEqualTo(200);
		assertThat(entries.body()).contains("app.users").contains("INSERT").contains(id).contains(email);
		assertThat(admin.get("/admin/audit?table=app.trips&record=" + id).body()).contains("0 entries");
	}

	@Test
	void badFiltersAreShownBesideTheirFields() {
		WebSession admin = AdminPages.admin(port, identity);
		Answer bad = admin.get("/admin/audit?table=DROP%20TABLE&from=2030-01-02T00:00&to=2030-01-01T00:00");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"table-error\"").contains("id=\"to-error\"");
	}

	@Test
	void anAdminVerifiesTheChainAndThePageKeepsTheVerdict() {
		WebSession admin = AdminPages.admin(port, identity);
		admin.get("/admin/audit");
		assertThat(admin.postWithout("/admin/audit/verify").status()).isEqualTo(403);
		Answer verified = admin.post("/admin/audit/verify");
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.body()).contains("The chain is intact").contains("sealed entries checked");
		assertThat(admin.get("/admin/audit").body()).containsPattern("id=\"chain-state\"[^>]*>Intact, \\d+ sealed");
		AdminPages.onlyAdminsOpen(port, "/admin/audit");
	}

}
