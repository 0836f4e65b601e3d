package io.getaways.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.db.ActorTransactions;
import io.getaways.platform.db.DatabaseRoles;
import io.getaways.platform.db.DatabaseSettings;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestAccounts.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One physical connection serves users one after another, as a pooled connection does
 * under load: each transaction sees exactly its own actor's rows, whatever the
 * transaction before it on that connection did or how it ended.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextLeakIT {

	/** Owners of every identity row the current transaction can see. */
	private static final String VISIBLE_OWNERS = """
			SELECT id FROM app.users
			UNION SELECT user_id FROM app.user_roles
			UNION SELECT user_id FROM system.api_keys
			UNION SELECT user_id FROM system.refresh_tokens""";

	@Autowired
	Identity identity;

	@Autowired
	Environment environment;

	@Autowired
	DatabaseSettings settings;

	@Autowired
	PlatformTransactionManager applicationTransactionManager;

	Account a;

	Account b;

	HikariDataSource single;

	JdbcTemplate sql;

	TransactionTemplate transactions;

	@BeforeAll
	void twoUsers() {
		a = TestAccounts.traveller(identity, "leak-a");
		b = TestAccounts.traveller(identity, "leak-b");
	}

	@BeforeEach
	void poolOfOneConnection() {
		single = new HikariDataSource();
		single.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
		single.setUsername(environment.getRequiredProperty("spring.datasource.username"));
		single.setPassword(environment.getRequiredProperty("spring.datasource.password"));
		single.setMaximumPoolSize(1);
		single.setPoolName("context-leak-it");
		sql = new JdbcTemplate(single);
		PlatformTransactionManager manager = ActorTransactions.over(single, settings.roles());
		assertThat(manager).hasSameClassAs(applicationTransactionManager);
		transactions = new TransactionTemplate(manager);
	}

	@AfterEach
	void closePool() {
		single.close();
	}

	@Test
	void consecutiveTransactionsSeeOnlyTheirOwnActorsRows() {
		int backend = backend();

		assertThat(visibleAs(user(a))).containsExactly(a.id());
		assertThat(visibleAs(user(b))).containsExactly(b.id());
		assertThat(visibleAs(Actor.anonymous())).isEmpty();
		assertThat(visibleAs(user(a))).containsExactly(a.id());

		assertThat(backend()).as("every transaction ran on the one connection").isEqualTo(backend);
	}

	@Test
	void aRolledBackTransactionLeavesNothingForTheNext() {
		int backend = backend();

		Set<UUID> seenBeforeRollback = ActorContext.callAs(user(a), () -> transactions.execute(status -> {
			status.setRollbackOnly();
			return owners();
		}));
		assertThat(seenBeforeRollback).containsExactly(a.id());
		assertThat(visibleAs(Actor.anonymous())).isEmpty();

		assertThatThrownBy(() -> ActorContext.runAs(user(a), () -> transactions.executeWithoutResult(status -> {
			assertThat(owners()).containsExactly(a.id());
			throw new IllegalStateException("fails mid-transaction");
		}))).hasMessage("fails mid-transaction");
		assertThat(visibleAs(user(b))).containsExactly(b.id());

		assertThat(backend()).isEqualTo(backend);
	}

	@Test
	void aTransactionThatSetsNoUserSeesNothingAfterOneThatDid() throws SQLException {
		assertThat(visibleAs(user(a))).containsExactly(a.id());

		assertThat(sql.queryForList("SELECT current_user", String.class)).containsExactly(roles().app());
		assertThat(sql.queryForObject("SELECT current_setting('app.user_id', true)", String.class)).isEmpty();
		// below the transaction manager: a transaction that switches role and sets
		// nothing else
		try (Connection connection = single.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement role = connection.prepareStatement("SELECT set_config('role', ?, true)")) {
				role.setString(1, roles().customer());
				role.execute();
			}
			try (ResultSet owners = connection.createStatement().executeQuery(VISIBLE_OWNERS)) {
				assertThat(owners.next()).as("a row left visible by the previous transaction").isFalse();
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	@Test
	void everyActorSwitchOnOneConnectionIsIsolatedOverManyRounds() {
		List<Account> users = List.of(a, b, a, a, b, b, a);
		for (Account current : users) {
			assertThat(visibleAs(user(current))).containsExactly(current.id());
			assertThat(visibleAs(Actor.anonymous())).isEmpty();
		}
	}

	private Set<UUID> visibleAs(Actor actor) {
		return ActorContext.callAs(actor, () -> transactions.execute(status -> owners()));
	}

	private Set<UUID> owners() {
		return new HashSet<>(sql.queryForList(VISIBLE_OWNERS, UUID.class));
	}

	private int backend() {
		return sql.queryForObject("SELECT pg_backend_pid()", Integer.class);
	}

	private DatabaseRoles roles() {
		return settings.roles();
	}

	private static Actor user(Account user) {
		return new Actor(Actor.Role.CUSTOMER, user.id().toString(), user.email(), "192.0.2.10", "ContextLeakIT", null);
	}

}
