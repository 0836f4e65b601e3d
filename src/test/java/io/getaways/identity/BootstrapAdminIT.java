package io.getaways.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.getaways.GetawaysApplication;
import io.getaways.support.HttpApi;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The first administrator from configuration, as a container would start the service:
 * created on the first start over a new data directory, ignored on every later one, and
 * its password never in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminIT {

	private static final String PASSWORD = "bootstrap password 7c1e";

	private static final String LATER_PASSWORD = "a later password 93d0";

	@TempDir
	Path dataDir;

	@TempDir
	Path secrets;

	@Test
	void createdOnTheFirstStartOnlyAndNeverLogged(CapturedOutput output) throws IOException {
		assumeFalse(TestStores.external(), "needs a database no admin was ever created in");
		Path passwordFile = Files.writeString(secrets.resolve("admin-password"), PASSWORD + "\n");
		try (ConfigurableApplicationContext first = start("--getaways.bootstrap.admin-email=boss@example.com",
				"--getaways.bootstrap.admin-name=The Boss",
				"--getaways.bootstrap.admin-password-file=" + passwordFile)) {
			assertThat(output.getOut()).contains("Bootstrap admin: created boss@example.com");
			TestAccounts accounts = new TestAccounts(new HttpApi(port(first)));
			assertThat(accounts.login("boss@example.com", PASSWORD, TestAccounts.address())
				.json()
				.path("user")
				.path("roles")
				.valueStream()
				.map(role -> role.asString())).containsExactly("admin");
		}

		try (ConfigurableApplicationContext later = start("--getaways.bootstrap.admin-email=other@example.com",
				"--getaways.bootstrap.admin-password=" + LATER_PASSWORD)) {
			assertThat(output.getOut()).contains("Bootstrap admin: an admin already exists");
			TestAccounts accounts = new TestAccounts(new HttpApi(port(later)));
			assertThat(accounts.login("other@example.com", LATER_PASSWORD, TestAccounts.address()).status())
				.isEqualTo(401);
			assertThat(accounts.login("boss@example.com", PASSWORD, TestAccounts.address()).status()).isEqualTo(200);
		}
		assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(LATER_PASSWORD);
	}

	private ConfigurableApplicationContext start(String... bootstrap) {
		String[] args = new String[bootstrap.length + 4];
		System.arraycopy(bootstrap, 0, args, 0, bootstrap.length);
		args[bootstrap.length] = "--getaways.data-dir=" + dataDir;
		args[bootstrap.length + 1] = "--server.port=0";
		args[bootstrap.length + 2] = "--getaways.demo-data.enabled=false";
		args[bootstrap.length + 3] = "--logging.level.io.zonky=WARN";
		return new SpringApplicationBuilder(GetawaysApplication.class).run(args);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

}
