package io.getaways.ops;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.getaways.platform.embedded.EmbeddedStores;
import io.getaways.support.CommandLineRuns.Result;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.getaways.support.CommandLineRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ops/postgres/provision.sql, which compose.yaml and docs/external-servers.md give a
 * superuser to run, prepares a server the way the service expects: run twice with psql on
 * a PostgreSQL the service treats as external, then migrations and {@code doctor} pass.
 */
class ProvisionScriptIT {

	@TempDir
	Path temp;

	@Test
	void aServerProvisionedByTheScriptMigratesAndPassesDoctor() throws Exception {
		assumeFalse(TestStores.external(), "the external-stores profile pins every context to the CI database");
		assumeTrue(Path.of("/usr/bin/psql").toFile().canExecute(), "psql is installed");
		Path dataDir = temp.resolve("data");
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Object.class)
			.web(WebApplicationType.NONE)
			.run("--getaways.data-dir=" + dataDir, "--getaways.embedded.stores=postgres")) {
			String superuserUrl = server.getBean("embeddedStores", EmbeddedStores.class)
				.postgresSuperuserUrl("postgres");
			int port = URI.create(superuserUrl.substring("jdbc:".length())).getPort();

			Result missingPassword = psql(port);
			assertThat(missingPassword.exitCode()).isNotZero();
			assertThat(missingPassword.err()).contains("set the schema owner's password");
			for (int i = 0; i < 2; i++) {
				Result provision = psql(port, "-v", "owner_password=owner-secret", "-v", "prefix=provtest", "-v",
						"database=provtest");
				assertThat(provision.exitCode()).as(provision.out() + provision.err()).isZero();
			}

			String[] external = { "--data-dir=" + dataDir,
					"--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/provtest",
					"--spring.datasource.username=provtest_app", "--spring.datasource.password=app-secret",
					"--getaways.db.role-prefix=provtest", "--getaways.db.owner.password=owner-secret" };
			Result migrate = run(concat("migrate", "up", external));
			assertThat(migrate.exitCode()).as(migrate.err()).isZero();
			Result doctor = run(concat("doctor", null, external));
			assertThat(doctor.exitCode()).as(doctor.out()).isZero();
			assertThat(doctor.out()).containsPattern("OK +roles-rls +9 roles present; provtest_app is NOSUPERUSER")
				.containsPattern("OK +postgresql +PostgreSQL 17.* as provtest_owner")
				.containsPattern("OK +migrations +\\d+ changesets applied");
		}
	}

	private static String[] concat(String first, String second, String[] rest) {
		List<String> all = new ArrayList<>(List.of(first));
		if (second != null) {
			all.add(second);
		}
		all.addAll(List.of(rest));
		return all.toArray(String[]::new);
	}

	private static Result psql(int port, String... variables) throws Exception {
		List<String> command = new ArrayList<>(List.of("/usr/bin/psql", "-X", "-h", "localhost", "-p",
				String.valueOf(port), "-U", "postgres", "-d", "postgres"));
		command.addAll(List.of(variables));
		command.addAll(List.of("-f", "ops/postgres/provision.sql"));
		Process process = new ProcessBuilder(command).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("psql finished").isTrue();
		return new Result(command, process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
				new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
	}

}
