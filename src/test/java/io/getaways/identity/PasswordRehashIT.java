package io.getaways.identity;

import java.util.UUID;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static io.getaways.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password hashed with weaker parameters than the service's current ones is hashed
 * again, with the current ones, at its owner's next successful sign-in, and only then.
 */
@IntegrationTest
class PasswordRehashIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Value("${getaways.identity.argon2.memory-kib}")
	int memoryKib;

	@Test
	void aWeakerHashIsUpgradedOnTheNextSuccessfulSignInOnly() {
		TestAccounts accounts = new TestAccounts(new HttpApi(port));
		String email = TestAccounts.email();
		assertThat(accounts.register(email, "Rehashed", PASSWORD).status()).isEqualTo(201);
		UUID id = UUID.fromString(TestAccounts.userId(accounts.signIn(email)));
		String weaker = new Argon2PasswordEncoder(16, 32, 1, memoryKib / 2, 1).encode(PASSWORD);
		asAdmin(() -> jdbc.sql("UPDATE app.users SET password_hash = :hash WHERE id = :id")
			.param("hash", weaker)
			.param("id", id)
			.update());
		assertThat(storedHash(id)).contains("m=" + memoryKib / 2 + ",");

		assertThat(accounts.login(email, "not the password", TestAccounts.address()).status()).isEqualTo(401);
		assertThat(storedHash(id)).as("a failed sign-in changes nothing").isEqualTo(weaker);

		assertThat(accounts.login(email, PASSWORD, TestAccounts.address()).status()).isEqualTo(200);
		String upgraded = storedHash(id);
		assertThat(upgraded).startsWith("$argon2id$").contains("m=" + memoryKib + ",").isNotEqualTo(weaker);
		assertThat(accounts.login(email, PASSWORD, TestAccounts.address()).status()).isEqualTo(200);
		assertThat(storedHash(id)).as("a current hash is kept").isEqualTo(upgraded);
	}

	private String storedHash(UUID id) {
		return asAdmin(() -> jdbc.sql("SELECT password_hash FROM app.users WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single());
	}

	private <T> T asAdmin(java.util.function.Supplier<T> work) {
		Actor admin = new Actor(Actor.Role.ADMIN, null, "test:password-rehash", null, null, null);
		return ActorContext.callAs(admin, () -> transactions.execute(status -> work.get()));
	}

}
