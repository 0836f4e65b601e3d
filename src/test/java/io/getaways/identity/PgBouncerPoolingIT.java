package io.getaways.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.db.ActorTransactions;
import io.getaways.platform.db.DatabaseSettings;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestAccounts.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's transactions through a real PgBouncer in transaction pooling mode, as
 * docs/scaling.md proposes past a few hundred connections: two clients (two pools, as two
 * instances of the service would have) share PgBouncer's one server connection, and each
 * transaction still runs as its actor's role with its actor's rows only, because the
 * service sets role and context with {@code set_config(..., true)}, which ends with the
 * transaction. A session-level {@code SET}, which the service never uses, is shown to
 * leak from one client to the other.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerPoolingIT {

	private static final String VISIBLE_OWNERS = """
			SELECT id FROM app.users
			UNION SELECT user_id FROM app.user_roles
			UNION SELECT user_id FROM system.refresh_tokens""";

	@Autowired
	Identity identity;

	@Autowired
	Environment environment;

	@Autowired
	DatabaseSettings settings;

	PgBouncer bouncer;

	HikariDataSource first;

	HikariDataSource second;

	Account a;

	Account b;

	@BeforeAll
	void start() throws Exception {
		PgBouncer.requireInstalled();
		bouncer = PgBouncer.start(environment.getRequiredProperty("spring.datasource.url"),
				environment.getRequiredProperty("spring.datasource.username"),
				environment.getRequiredProperty("spring.datasource.password"));
		first = pool("pgbouncer-it-1");
		second = pool("pgbouncer-it-2");
		a = TestAccounts.traveller(identity, "bouncer-a");
		b = TestAccounts.traveller(identity, "bouncer-b");
	}

	@AfterAll
	void stop() throws Exception {
		for (AutoCloseable closeable : new AutoCloseable[] { first, second, bouncer }) {
			if (closeable != null) {
				closeable.close();
			}
		}
	}

	@Test
	void transactionsOfTwoClientsShareOneServerConnectionAndEachSeesOnlyItsActorsRows() {
		Set<Integer> serverBackends = new HashSet<>();
		List<Account> users = List.of(a, b, b, a, a, b, a, b, a, b);
		for (int i = 0; i < users.size(); i++) {
			HikariDataSource client = i % 2 == 0 ? first : second;
			Account user = users.get(i);
			Seen seen = asActor(client, actor(user));
			assertThat(seen.owners()).as("transaction %d as %s", i, user.email()).containsExactly(user.id());
			assertThat(seen.role()).isEqualTo(settings.roles().customer());
			serverBackends.add(seen.backend());
			Seen anonymous = asActor(i % 2 == 0 ? second : first, Actor.anonymous());
			assertThat(anonymous.owners()).as("an anonymous transaction right after %s's", user.email()).isEmpty();
			serverBackends.add(anonymous.backend());
		}
		assertThat(serverBackends).as("PgBouncer gave every transaction the same server connection").hasSize(1);
		// outside any transaction the connection is back to the login role with no
		// actor, whoever used it last
		JdbcTemplate plain = new JdbcTemplate(second);
		assertThat(plain.queryForObject("SELECT current_user", String.class)).isEqualTo(settings.roles().app());
		assertThat(plain.queryForObject("SELECT current_setting('app.user_id', true)", String.class)).isEmpty();
	}

	@Test
	void aSessionLevelSetLeaksToTheOtherClientWhichIsWhyTheServiceNeverUsesOne() {
		JdbcTemplate one = new JdbcTemplate(first);
		JdbcTemplate other = new JdbcTemplate(second);
		try {
			one.execute("SET statement_timeout = '4321ms'");
			assertThat(other.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("4321ms");
		}
		finally {
			one.execute("RESET statement_timeout");
		}
	}

	private Seen asActor(HikariDataSource client, Actor actor) {
		TransactionTemplate transactions = new TransactionTemplate(ActorTransactions.over(client, settings.roles()));
		JdbcTemplate sql = new JdbcTemplate(client);
		return ActorContext.callAs(actor,
				() -> transactions
					.execute(status -> new Seen(new HashSet<>(sql.queryForList(VISIBLE_OWNERS, UUID.class)),
							sql.queryForObject("SELECT current_user", String.class),
							sql.queryForObject("SELECT pg_backend_pid()", Integer.class))));
	}

	private HikariDataSource pool(String name) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(bouncer.jdbcUrl());
		// PgBouncer logs in to PostgreSQL with its own configured credentials
		pool.setUsername(environment.getRequiredProperty("spring.datasource.username"));
		pool.setPassword("unused");
		pool.setMaximumPoolSize(2);
		pool.setMinimumIdle(0);
		pool.setPoolName(name);
		return pool;
	}

	private static Actor actor(Account user) {
		return new Actor(Actor.Role.CUSTOMER, user.id().toString(), user.email(), "192.0.2.20", "PgBouncerPoolingIT",
				null);
	}

	private record Seen(Set<UUID> owners, String role, int backend) {
	}

}
