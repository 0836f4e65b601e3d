package io.getaways.operations;

import io.getaways.identity.Identity;
import io.getaways.support.AdminPages;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's operations page: health of every store, the outbox, backups. */
@IntegrationTest
class AdminOperationsPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Test
	void anAdminSeesEveryStoresHealthTheOutboxBacklogAndTheBackups() {
		Answer page = AdminPages.admin(port, identity).get("/admin/operations");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains("<caption>Health components")
			.contains("id=\"health-postgres\"")
			.contains("id=\"health-mongo\"")
			.contains("id=\"health-redis\"")
			.contains("id=\"health-outbox\"")
			.containsPattern("<li>backlog: \\d+</li>")
			.contains("<h2>Backups</h2>")
			.containsPattern("\\d+ backup\\(s\\)|Backups are turned off");
	}

	@Test
	void travellersAndVisitorsCannotOpenIt() {
		AdminPages.onlyAdminsOpen(port, "/admin/operations");
	}

}
