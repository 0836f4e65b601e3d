package io.getaways.operations.internal.maintenance;

import java.util.UUID;

import io.getaways.booking.TestBookingApi;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/admin/maintenance}: the report lists a table whose rows were deleted,
 * and a run does each task, exports its metrics and answers with the report.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceApiIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	private HttpApi http;

	private TestBookingApi fixtures;

	private String admin;

	private final String table = "maintenance_dead_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@BeforeAll
	void tableWithDeadTuples() {
		http = new HttpApi(port);
		fixtures = new TestBookingApi(context, http);
		admin = accessToken(fixtures.accounts().newUserWithRole(identity, "admin"));
		// autovacuum off, so the dead tuples stay until the report has seen them
		fixtures.update("CREATE TABLE app." + table + " (id integer) WITH (autovacuum_enabled = false)");
		fixtures.update("INSERT INTO app." + table + " SELECT generate_series(1, 20000)");
		fixtures.update("DELETE FROM app." + table);
		fixtures.rows("SELECT pg_stat_force_next_flush() IS NULL AS flushed");
	}

	@AfterAll
	void dropTable() {
		fixtures.update("DROP TABLE app." + table);
	}

	@Test
	void theReportListsATableWithManyDeadTuples() {
		JsonNode report = ok(http.get("/api/v1/admin/maintenance", "Authorization", "Bearer " + admin)).json();
		JsonNode dead = null;
		for (JsonNode row : report.path("deadTuples")) {
			if (row.path("table").asString().equals("app." + table)) {
				dead = row;
			}
		}
		assertThat(dead).as(report.toString()).isNotNull();
		assertThat(dead.path("dead").asLong()).isEqualTo(20000);
		assertThat(dead.path("live").asLong()).isZero();
		assertThat(report.path("slowStatementsNote").asString()).isNotBlank();
		if (report.path("slowStatements").isNull()) {
			assertThat(report.path("slowStatementsNote").asString()).startsWith("not available");
		}
		assertThat(report.has("unusedIndexes")).isTrue();
		assertThat(report.has("duplicateIndexes")).isTrue();
		assertThat(report.has("sequences")).isTrue();
	}

	@Test
	void aRunDoesEveryTaskAndExportsItsMetrics() {
		JsonNode run = ok(http.send("POST", "/api/v1/admin/maintenance", "application/json", null, "Authorization",
				"Bearer " + admin))
			.json();
		assertThat(run.path("tasks")).extracting(task -> task.path("name").asString())
			.containsExactly("partitions", "refresh", "analyze");
		run.path("tasks").forEach(task -> assertThat(task.path("succeeded").asBoolean()).as(task.toString()).isTrue());
		assertThat(fixtures.count("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'bookings' "
				+ "AND schemaname = 'app' AND last_analyze IS NOT NULL"))
			.isEqualTo(1);
		String metrics = http.get("/actuator/prometheus").body();
		for (String task : MaintenanceRunner.TASKS) {
			String tags = "{application=\"getaways\",task=\"" + task + "\"}";
			assertThat(metrics).contains("getaways_maintenance_task_last_run_timestamp_seconds" + tags)
				.contains("getaways_maintenance_task_last_duration_seconds" + tags)
				.contains("getaways_maintenance_task_last_success" + tags + " 1.0");
		}
	}

	@Test
	void onlyAdminsMaintain() {
		String customer = accessToken(fixtures.accounts().newCustomer());
		assertThat(http.get("/api/v1/admin/maintenance", "Authorization", "Bearer " + customer).status())
			.isEqualTo(403);
		assertThat(http.send("POST", "/api/v1/admin/maintenance", "application/json", null).status()).isEqualTo(401);
	}

	private static Answer ok(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer;
	}

}
