package io.getaways.platform.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.getaways.support.CommandLineRuns.Result;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static io.getaways.support.CommandLineRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code migrate} as an operator runs it, through the jar's command-line entry, against
 * the embedded PostgreSQL of a data directory of its own. The external-stores test
 * support points every Spring context of the test JVM at the shared CI database, so the
 * cases that need a database of their own run in embedded mode only.
 */
class MigrateCommandIT {

	private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/none";

	@TempDir
	Path dataDir;

	@Test
	void upStatusDownAndValidateOnAFreshDataDirectory() {
		assumeOwnDatabase();
		Result up = run("--data-dir=" + dataDir, "migrate", "up");
		assertThat(up.exitCode()).as(up.toString()).isZero();
		int changesets = appliedCount(up.out());
		assertThat(changesets).isGreaterThanOrEqualTo(8);
		assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

		Result status = run("migrate", "status", "--data-dir=" + dataDir);
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.out()).contains("applied  db/changelog/001-schemas-and-extensions.sql::001-schemas",
				"applied  db/changelog/003-trips.sql::003-trips", changesets + " applied, 0 pending");

		Result down = run("migrate", "down", "--count", "1", "--data-dir=" + dataDir);
		assertThat(down.exitCode()).as(down.toString()).isZero();
		assertThat(down.out()).contains("1 changeset(s) rolled back");
		assertThat(run("migrate", "status", "--data-dir=" + dataDir).out())
			.contains((changesets - 1) + " applied, 1 pending", "pending  db/changelog/");

		Result again = run("migrate", "up", "--data-dir=" + dataDir);
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("1 changeset(s) applied");

		Result validate = run("migrate", "validate", "--data-dir=" + dataDir);
		assertThat(validate.exitCode()).as(validate.toString()).isZero();
		assertThat(validate.out()).contains("changelog valid");
	}

	@Test
	void dataDirectoryPropertyIsHonouredLikeTheOption() {
		assumeOwnDatabase();
		Result status = run("migrate", "status", "--getaways.data-dir=" + dataDir);
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.out()).contains("0 applied");
		assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
		assertThat(dataDir.resolve("secrets.properties")).exists();
	}

	@Test
	void unknownActionExitsNonZeroNamingIt() {
		Result bogus = run("migrate", "bogus");
		assertThat(bogus.exitCode()).isNotZero();
		assertThat(bogus.err()).contains("bogus");
	}

	@Test
	void unreachableDatabaseExitsNonZeroWithTheReason() {
		assumeOwnDatabase();
		Result up = run("migrate", "up", "--spring.datasource.url=" + UNREACHABLE, "--data-dir=" + dataDir);
		assertThat(up.exitCode()).isNotZero();
		assertThat(up.err()).contains("PostgreSQL at 127.0.0.1:1/none: connection refused: PostgreSQL is not started");
		assertThat(dataDir.resolve("postgres")).doesNotExist();
	}

	@Test
	void failingChangesetIsNamedInTheError() {
		assumeOwnDatabase();
		// holds the embedded server between commands, so that a superuser can prepare the
		// conflict
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(ServerOnly.class)
			.web(WebApplicationType.NONE)
			.properties("getaways.embedded.stores=postgres")
			.run("--getaways.data-dir=" + dataDir)) {
			Result firstUp = run("migrate", "up", "--data-dir=" + dataDir);
			assertThat(firstUp.exitCode()).isZero();
			// keep the schemas and roles (the first four changesets) and undo everything
			// from 003-trips on
			int undo = appliedCount(firstUp.out()) - 4;
			assertThat(run("migrate", "down", "--count", Integer.toString(undo), "--data-dir=" + dataDir).exitCode())
				.isZero();
			JdbcTemplate superuser = new JdbcTemplate(new DriverManagerDataSource(
					TestStores.embedded(server).postgresSuperuserUrl("getaways"), TestStores.superuser(), ""));
			superuser.execute("CREATE TABLE app.trips (id integer)");

			Result up = run("migrate", "up", "--data-dir=" + dataDir);

			assertThat(up.exitCode()).isNotZero();
			assertThat(up.err()).contains("003-trips.sql::003-trips::getaways", "already exists");
			assertThat(run("migrate", "status", "--data-dir=" + dataDir).out()).contains(undo + " pending");
		}
	}

	private static void assumeOwnDatabase() {
		assumeFalse(TestStores.external(), "the external-stores profile pins every context to the CI database");
	}

	private static int appliedCount(String out) {
		String line = out.lines().filter(l -> l.matches("\\d+ changeset\\(s\\) applied")).findFirst().orElseThrow();
		return Integer.parseInt(line.substring(0, line.indexOf(' ')));
	}

	/**
	 * Only the embedded-stores post-processor acts on this context: it starts PostgreSQL
	 * and nothing else.
	 */
	static class ServerOnly {

	}

}
