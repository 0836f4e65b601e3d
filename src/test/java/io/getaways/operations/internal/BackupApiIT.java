package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Duration;

import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The admin API's backup jobs, the {@code backup} health contributor and the backup
 * metrics.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupApiIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	private HttpApi http;

	private String admin;

	@BeforeAll
	void setUp() {
		assumeFalse(TestStores.external(), "the built-in backup engine copies the embedded server's data directory");
		http = new HttpApi(port);
		admin = accessToken(new TestAccounts(http).newUserWithRole(identity, "admin"));
	}

	@Test
	void anAdminBacksUpAndVerifiesThroughJobsAndHealthAndMetricsFollow() {
		Answer started = post("/api/v1/admin/backups", admin);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		JsonNode created = awaitJob(started.header("Location"));
		assertThat(created.path("state").asString()).as(created.toString()).isEqualTo("SUCCEEDED");
		String id = created.path("backupId").asString();

		JsonNode list = http.send("GET", "/api/v1/admin/backups", null, null, "Authorization", "Bearer " + admin)
			.json();
		JsonNode listed = null;
		for (JsonNode backup : list) {
			if (backup.path("id").asString().equals(id)) {
				listed = backup;
			}
		}
		assertThat(listed).as("listed " + id).isNotNull();
		assertThat(listed.path("walStart").asString()).matches("[0-9A-F]{24}");
		assertThat(listed.path("mongoDocuments").size()).isPositive();

		JsonNode verified = awaitJob(post("/api/v1/admin/backups/" + id + "/verify", admin).header("Location"));
		assertThat(verified.path("state").asString()).as(verified.toString()).isEqualTo("SUCCEEDED");
		assertThat(verified.path("detail").asString()).contains("rows match");

		JsonNode health = http.send("GET", "/actuator/health", null, null, "Authorization", "Bearer " + admin)
			.json()
			.path("components")
			.path("backup");
		assertThat(health.path("status").asString()).as(health.toString()).isEqualTo("UP");
		assertThat(health.path("details").path("newestVerified").asString()).isNotBlank();
		assertThat(health.path("details").path("encrypted").asBoolean()).isFalse();
		String metrics = http.get("/actuator/prometheus").body();
		assertThat(metrics).contains("getaways_backup_last_success_seconds")
			.containsPattern("getaways_backup_duration_seconds_count\\{.*operation=\"create\".*outcome=\"success\"")
			.contains("getaways_backup_wal_archive_lag_seconds");
	}

	@Test
	void onlyAdminsReachBackupsAndUnknownOnesAre404() {
		String customer = accessToken(new TestAccounts(http).newCustomer());
		assertThat(post("/api/v1/admin/backups", customer).status()).isEqualTo(403);
		assertThat(http.get("/api/v1/admin/backups").status()).isEqualTo(401);

		Answer unknown = post("/api/v1/admin/backups/20000101T000000Z/verify", admin);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("backupId").asString()).isEqualTo("20000101T000000Z");
		assertThat(http.send("GET", "/api/v1/admin/backups/jobs/nope", null, null, "Authorization", "Bearer " + admin)
			.status()).isEqualTo(404);
	}

	@Test
	void aNewInstallationHasMaxAgeToTakeItsFirstBackupThenHealthIsDown(@TempDir Path emptyRepository) throws Exception {
		BackupSettings settings = BackupTestSupport.settings(emptyRepository, null);
		BackupSources sources = new BackupSources(TestStores.superuserUrl(context, "getaways"), null,
				context.getEnvironment());
		BackupOperations operations = new BackupOperations(settings, sources,
				new BackupMetrics(new SimpleMeterRegistry(), emptyRepository.resolve("wal")));
		BackupHealthIndicator indicator = new BackupHealthIndicator(operations, sources, null);

		Health fresh = indicator.health(true);
		assertThat(fresh.getStatus()).isEqualTo(Status.UP);
		assertThat(fresh.getDetails()).containsKey("firstBackupDueBy")
			.containsEntry("warning", "backups are stored unencrypted: set getaways.backup.key");

		java.nio.file.Files.writeString(emptyRepository.resolve(".created"),
				java.time.Instant.now().minus(Duration.ofDays(2)).toString());
		Health overdue = indicator.health(true);
		assertThat(overdue.getStatus()).isEqualTo(Status.DOWN);
		assertThat(overdue.getDetails()).containsEntry("reason", "no verified backup");
	}

	private Answer post(String path, String token) {
		return http.send("POST", path, null, null, "Authorization", "Bearer " + token);
	}

	private JsonNode awaitJob(String location) {
		assertThat(location).startsWith("/api/v1/admin/backups/jobs/");
		return await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> http.send("GET", location, null, null, "Authorization", "Bearer " + admin).json(),
					job -> !job.path("state").asString().equals("RUNNING"));
	}

}
