package io.getaways.identity;

import java.util.List;
import java.util.stream.Stream;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static io.getaways.support.TestAccounts.PASSWORD;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users list|grant|revoke|reset-password|disable|enable} as an operator runs them
 * on the running service's data directory: each takes effect on the API, and the audit
 * log names the operator.
 */
@IntegrationTest
class UserAdministrationCommandsIT {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private TestAccounts accounts;

	private HttpApi http;

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
		accounts = new TestAccounts(http);
	}

	@Test
	void grantAndRevokeChangeTheRolesOfTheNextSignIn() {
		String email = registered();
		Result granted = users("grant", "--email", email, "--role", "auditor");
		assertThat(granted.exitCode()).as(granted.toString()).isZero();
		assertThat(granted.out()).contains("granted auditor", "[auditor, customer]");
		assertThat(roles(email)).containsExactly("auditor", "customer");

		Result listed = users("list", "--role", "auditor");
		assertThat(listed.out()).contains(email);

		Result revoked = users("revoke", "--email", email, "--role", "auditor");
		assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
		assertThat(roles(email)).containsExactly("customer");
		assertThat(users("list", "--role", "auditor").out()).doesNotContain(email);
		assertThat(operatorEntries(email)).as("audit entries acting as the operator").isGreaterThanOrEqualTo(2);
	}

	@Test
	void disabledAccountsCannotSignInOrRefreshUntilEnabled() {
		String email = registered();
		String refreshToken = accounts.signIn(email).path("refreshToken").asString();

		Result disabled = users("disable", "--email", email);
		assertThat(disabled.exitCode()).as(disabled.toString()).isZero();
		assertThat(disabled.out()).contains("DISABLED");
		assertThat(accounts.login(email, PASSWORD, TestAccounts.address()).status()).isEqualTo(401);
		Answer refresh = http.send("POST", "/api/v1/auth/refresh", "application/json",
				json("refreshToken", refreshToken));
		assertThat(refresh.status()).as(refresh.toString()).isEqualTo(401);

		assertThat(users("enable", "--email", email).exitCode()).isZero();
		assertThat(accounts.login(email, PASSWORD, TestAccounts.address()).status()).isEqualTo(200);
		assertThat(operatorEntries(email)).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aResetPasswordMustBeChangedBeforeAnySession() {
		String email = registered();
		Result reset = users("reset-password", "--email", email);
		assertThat(reset.exitCode()).as(reset.toString()).isZero();
		String temporary = reset.out().substring(reset.out().indexOf("temporary password: ") + 20).strip();

		assertThat(accounts.login(email, PASSWORD, TestAccounts.address()).status()).as("old password").isEqualTo(401);
		Answer refused = accounts.login(email, temporary, TestAccounts.address());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.body()).contains("Password change required", "/api/v1/auth/password");

		Answer same = changePassword(email, temporary, temporary);
		assertThat(same.status()).as(same.toString()).isEqualTo(400);
		assertThat(same.body()).contains("newPassword");
		Answer wrong = changePassword(email, "not-the-password", "a brand new password");
		assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);

		Answer changed = changePassword(email, temporary, "a brand new password");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("accessToken").asString()).isNotBlank();
		assertThat(accounts.login(email, "a brand new password", TestAccounts.address()).status()).isEqualTo(200);
		assertThat(accounts.login(email, temporary, TestAccounts.address()).status()).isEqualTo(401);
	}

	@Test
	void anUnknownAccountOrRoleFailsInOneLine() {
		Result unknown = users("disable", "--email", "nobody-" + TestAccounts.email());
		assertThat(unknown.exitCode()).isNotZero();
		assertThat(unknown.err().strip()).startsWith("disable: No account with email nobody-").doesNotContain("\n");

		Result badRole = users("grant", "--email", registered(), "--role", "wizard");
		assertThat(badRole.exitCode()).isNotZero();
		assertThat(badRole.err()).contains("role", "wizard", "[admin, auditor, customer, partner]");
	}

	private String registered() {
		String email = TestAccounts.email();
		assertThat(accounts.register(email, "Administered", PASSWORD).status()).isEqualTo(201);
		return email;
	}

	private List<String> roles(String email) {
		return accounts.signIn(email)
			.path("user")
			.path("roles")
			.valueStream()
			.map(node -> node.asString())
			.sorted()
			.toList();
	}

	private Answer changePassword(String email, String password, String newPassword) {
		return http.send("POST", "/api/v1/auth/password", "application/json",
				json("email", email, "password", password, "newPassword", newPassword), "X-Forwarded-For",
				TestAccounts.address());
	}

	/** Audit entries about the account's user and role rows written by an operator. */
	private int operatorEntries(String email) {
		Actor auditor = new Actor(Actor.Role.AUDITOR, null, "test:users-commands", null, null, null);
		String id = accounts.signIn(email).path("user").path("id").asString();
		return ActorContext.callAs(auditor, () -> transactions.execute(status -> jdbc.sql("""
				SELECT count(*) FROM audit.log
				WHERE actor LIKE 'operator:% via getaways users'
				  AND (record_id = :id OR record_id LIKE :id || '%' OR new_row ->> 'user_id' = :id
				       OR old_row ->> 'user_id' = :id)""").param("id", id).query(Integer.class).single()));
	}

	private Result users(String... args) {
		return CommandLineRuns.run(Stream
			.concat(Stream.of("users"),
					Stream.concat(Stream.of(args),
							Stream.of("--data-dir", environment.getRequiredProperty("getaways.data-dir"))))
			.toArray(String[]::new));
	}

}
