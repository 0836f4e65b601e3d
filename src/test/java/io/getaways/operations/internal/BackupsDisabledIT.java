package io.getaways.operations.internal;

import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code getaways.backup.enabled=false} (external servers backed up by their own
 * means, as compose.yaml sets it) the service starts, its backup API is absent, health
 * has no backup component (the operations page then says backups are off).
 */
@IntegrationTest
@TestPropertySource(properties = "getaways.backup.enabled=false")
class BackupsDisabledIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	@Test
	void theServiceStartsWithoutBackupsAndSaysSo() {
		assertThat(context.getBeanNamesForType(BackupOperations.class)).isEmpty();
		HttpApi http = new HttpApi(port);
		String admin = accessToken(new TestAccounts(http).newUserWithRole(identity, "admin"));

		Answer list = http.send("GET", "/api/v1/admin/backups", null, null, "Authorization", "Bearer " + admin);
		assertThat(list.status()).as(list.toString()).isEqualTo(404);
		Answer health = http.get("/actuator/health");
		assertThat(health.body()).doesNotContain("\"backup\"");
	}

}
