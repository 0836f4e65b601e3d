package io.getaways.identity;

import java.util.stream.Stream;

import com.nimbusds.jwt.SignedJWT;
import io.getaways.support.CommandLineRuns;
import io.getaways.support.CommandLineRuns.Result;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.PASSWORD;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users create} as an operator runs it, through the jar's command-line entry, on
 * the data directory of the running service. Its short-lived context shares this JVM's
 * stores: the embedded servers of the same data directory, or in the external-stores
 * profile the same CI database.
 */
@IntegrationTest
class UsersCommandIT {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	private TestAccounts accounts;

	@BeforeEach
	void connect() {
		accounts = new TestAccounts(new HttpApi(port));
	}

	@Test
	void createsAnAdminWhoSignsInWithAdminRights() throws Exception {
		String email = TestAccounts.email();
		Result created = users("--email", email, "--name", "First Admin", "--password", PASSWORD, "--role", "admin");
		assertThat(created.exitCode()).as(created.toString()).isZero();
		assertThat(created.out()).contains("created ", email, "[admin]");

		JsonNode session = accounts.signIn(email);
		assertThat(session.path("user").path("name").asString()).isEqualTo("First Admin");
		assertThat(SignedJWT.parse(accessToken(session)).getJWTClaimsSet().getStringListClaim("roles"))
			.containsExactly("admin");
		Answer user = accounts.get("/api/v1/admin/users/" + TestAccounts.userId(session), accessToken(session));
		assertThat(user.status()).as(user.toString()).isEqualTo(200);
	}

	@Test
	void aTakenEmailExitsNonZero() {
		String email = TestAccounts.email();
		assertThat(accounts.register(email, "Already Here", PASSWORD).status()).isEqualTo(201);
		Result duplicate = users("--email", email.toUpperCase(), "--name", "Second", "--password", PASSWORD, "--role",
				"admin");
		assertThat(duplicate.exitCode()).as(duplicate.toString()).isNotZero();
		assertThat(duplicate.err()).contains("already exists");
		assertThat(accounts.signIn(email).path("user").path("roles")).extracting(JsonNode::asString)
			.containsExactly("customer");
	}

	@Test
	void aBadRoleOrPasswordExitsNonZeroNamingIt() {
		String email = TestAccounts.email();
		Result badRole = users("--email", email, "--name", "N", "--password", PASSWORD, "--role", "superuser");
		assertThat(badRole.exitCode()).as(badRole.toString()).isNotZero();
		assertThat(badRole.err()).contains("role", "superuser");

		Result shortPassword = users("--email", email, "--name", "N", "--password", "short", "--role", "admin");
		assertThat(shortPassword.exitCode()).as(shortPassword.toString()).isNotZero();
		assertThat(shortPassword.err()).contains("password");
		assertThat(accounts.login(email, PASSWORD, TestAccounts.address()).status()).as("nobody created")
			.isEqualTo(401);
	}

	/** Runs {@code users create} in this JVM on the service's data directory. */
	private Result users(String... options) {
		return CommandLineRuns.run(Stream
			.concat(Stream.of("users", "create"),
					Stream.concat(Stream.of(options),
							Stream.of("--data-dir", environment.getRequiredProperty("getaways.data-dir"))))
			.toArray(String[]::new));
	}

}
