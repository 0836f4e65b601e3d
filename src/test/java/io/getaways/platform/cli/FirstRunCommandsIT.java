package io.getaways.platform.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.getaways.GetawaysApplication;
import io.getaways.platform.db.DatabaseRoles;
import io.getaways.platform.db.PostgresProvisioner;
import io.getaways.support.CommandLineRuns.Result;
import io.getaways.support.TestStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.getaways.support.CommandLineRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What a newcomer meets with the command line before the service ever ran: a command on a
 * brand-new data directory works; one on a directory a running service holds, or against
 * a server that refuses the password, fails in one line that says why.
 */
class FirstRunCommandsIT {

	/** Passwords are checked for TCP connections; the superuser still provisions. */
	private static final String PASSWORD_HBA = """
			local all all                trust
			host  all postgres 127.0.0.1/32 trust
			host  all all 127.0.0.1/32   scram-sha-256
			""";

	@TempDir
	Path dataDir;

	@TempDir
	Path scratch;

	@Test
	void usersCreateWorksOnADataDirectoryThatWasNeverServed() {
		assumeOwnDatabase();
		Result created = run("users", "create", "--email", "first@example.com", "--name", "First Admin", "--password",
				"a first admin password", "--role", "admin", "--data-dir=" + dataDir);
		assertThat(created.exitCode()).as(created.toString()).isZero();
		assertThat(created.out()).contains("created ", "first@example.com", "[admin]");

		Result listed = run("users", "list", "--data-dir=" + dataDir);
		assertThat(listed.exitCode()).as(listed.toString()).isZero();
		assertThat(listed.out()).contains("first@example.com ACTIVE [admin]", "1 account(s)");
	}

	@Test
	void aDataDirectoryHeldByARunningServiceIsNamedWithWhatToDo() throws Exception {
		assumeOwnDatabase();
		Path log = scratch.resolve("service.log");
		Process service = new ProcessBuilder(javaCommand()).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			Path owner = dataDir.resolve(".getaways.owner");
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(200))
				.failFast("the service exited; its log:\n" + read(log), () -> !service.isAlive())
				.until(() -> Files.exists(owner) && read(owner).contains("pid=" + service.pid()));

			Result list = run("users", "list", "--data-dir=" + dataDir);

			assertThat(list.exitCode()).isNotZero();
			assertThat(list.err().strip()).doesNotContain("\n")
				.startsWith("list: Data directory " + dataDir)
				.contains("in use by another Getaways process (pid=" + service.pid(), "stop the service first");
		}
		finally {
			stopWhenStarted(service, log);
		}
	}

	/**
	 * A service stopped while it is still starting leaves its initdb or postmaster child
	 * writing into the data directory after the JVM has gone, racing the directory's
	 * removal; stopped once started, it shuts its servers down in order. A new data
	 * directory on a loaded machine can take minutes to start.
	 */
	private void stopWhenStarted(Process service, Path log) throws InterruptedException {
		try {
			await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !service.isAlive() || read(log).contains("Started GetawaysApplication"));
		}
		finally {
			// even when it never started: a service left running outlives the test JVM
			service.destroy();
			if (!service.waitFor(60, TimeUnit.SECONDS)) {
				service.destroyForcibly().waitFor();
			}
		}
		Path postmaster = dataDir.resolve("postgres").resolve("postmaster.pid");
		await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(postmaster));
	}

	@Test
	void aWrongPasswordNamesTheStoreTheAddressAndTheUser() throws IOException {
		// the external-stores profile would point the command at the CI database instead
		assumeOwnDatabase();
		try (EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(scratch.resolve("cluster"))
			.setCleanDataDirectory(true)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setDataDirectoryCustomizer(cluster -> write(cluster.toPath().resolve("pg_hba.conf"), PASSWORD_HBA))
			.start()) {
			String superuserUrl = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
			PostgresProvisioner.provision(superuserUrl, "postgres", "", "getaways", new DatabaseRoles("getaways"),
					"the right owner password");
			String address = "127.0.0.1:" + server.getPort() + "/getaways";

			Result list = run("users", "list", "--spring.datasource.url=jdbc:postgresql://" + address,
					"--spring.datasource.username=getaways_app", "--spring.datasource.password=app password",
					"--getaways.db.owner.password=a wrong owner password");

			assertThat(list.exitCode()).isNotZero();
			assertThat(list.err().strip()).isEqualTo("list: PostgreSQL at " + address
					+ ": authentication failed: wrong password for user getaways_owner (spring.datasource.password or"
					+ " SPRING_DATASOURCE_PASSWORD; getaways.db.owner.password for migrations)");
		}
	}

	private List<String> javaCommand() {
		// failsafe runs tests from a manifest-only jar; the real class path is in its own
		// property
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", classPath,
				GetawaysApplication.class.getName(), "--getaways.data-dir=" + dataDir, "--server.port=0",
				"--getaways.demo-data.enabled=false");
	}

	private static void assumeOwnDatabase() {
		assumeFalse(TestStores.external(), "the external-stores profile pins every context to the CI database");
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
