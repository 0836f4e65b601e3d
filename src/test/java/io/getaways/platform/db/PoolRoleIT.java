package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.Workload;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application pool holds least privilege: its login role owns nothing and reads no
 * business table by itself; only inside a transaction, switched to the actor's role by
 * the transaction manager, does it see data, and nothing of that switch or of the request
 * context outlives the transaction on the pooled connection.
 */
@IntegrationTest
class PoolRoleIT {

	private static final String REQUEST_CONTEXT = """
			SELECT current_setting('app.request_id', true) AS request,
			       current_setting('app.client_ip', true) AS ip,
			       pg_backend_pid() AS backend
			""";

	HikariDataSource pool;

	@Autowired
	WorkloadPools pools;

	@Autowired
	DatabaseSettings settings;

	DatabaseRoles roles;

	/** One connection only, so that consecutive transactions provably share it. */
	HikariDataSource single;

	JdbcTemplate sql;

	TransactionTemplate transactions;

	@BeforeEach
	void singleConnectionPool() {
		pool = pools.pool(Workload.REQUESTS);
		roles = settings.roles();
		single = new HikariDataSource();
		single.setJdbcUrl(pool.getJdbcUrl());
		single.setUsername(pool.getUsername());
		single.setPassword(pool.getPassword());
		single.setMaximumPoolSize(1);
		single.setPoolName("pool-role-it");
		sql = new JdbcTemplate(single);
		transactions = new TransactionTemplate(new ActorTransactionManager(single, roles));
	}

	@AfterEach
	void closePool() {
		single.close();
	}

	@Test
	void poolLogsInAsAnAppRoleThatOwnsNothingAndNeitherBypassesRlsNorInherits() {
		JdbcTemplate app = new JdbcTemplate(pool);
		assertThat(app.queryForObject("SELECT session_user", String.class)).isEqualTo(roles.app());
		assertThat(app.queryForObject("SELECT current_user", String.class)).isEqualTo(roles.app());
		Map<String, Object> role = app
			.queryForMap("SELECT rolbypassrls, rolinherit, rolsuper FROM pg_roles " + "WHERE rolname = ?", roles.app());
		assertThat(role).containsEntry("rolbypassrls", false)
			.containsEntry("rolinherit", false)
			.containsEntry("rolsuper", false);
		// pg_shdepend records ownership in every database of the cluster, and of the
		// databases themselves
		assertThat(app.queryForObject("""
				SELECT count(*)
				FROM pg_shdepend
				WHERE refclassid = 'pg_authid'::regclass
				  AND refobjid = (SELECT oid FROM pg_roles WHERE rolname = ?)
				  AND deptype = 'o'
				""", Long.class, roles.app())).isZero();
	}

	@Test
	void applicationTransactionsRunAsTheActorsRole(@Autowired PlatformTransactionManager transactionManager,
			@Autowired DataSource dataSource) {
		assertThat(transactionManager).isInstanceOf(ActorTransactionManager.class);
		// the DataSource the transaction manager binds, not one pool behind it
		JdbcTemplate app = new JdbcTemplate(dataSource);
		TransactionTemplate applicationTransactions = new TransactionTemplate(transactionManager);
		Supplier<String> currentUser = () -> applicationTransactions
			.execute(status -> app.queryForObject("SELECT current_user", String.class));

		assertThat(currentUser.get()).isEqualTo(roles.customer());
		assertThat(ActorContext.callAs(Actor.job("pool-role-it"), currentUser)).isEqualTo(roles.jobs());
		assertThat(ActorContext.callAs(adminActor(), currentUser)).isEqualTo(roles.admin());
	}

	@Test
	void transactionRunsAsCustomerByDefaultAndTheSessionIsAppAgainAfterCommit() {
		int backend = sql.queryForObject("SELECT pg_backend_pid()", Integer.class);
		Map<String, Object> inside = transactions.execute(status -> sql
			.queryForMap("SELECT current_user AS role, session_user AS login, pg_backend_pid() AS backend"));

		assertThat(inside).containsEntry("role", roles.customer())
			.containsEntry("login", roles.app())
			.containsEntry("backend", backend);
		assertThat(sql.queryForObject("SELECT current_user", String.class)).isEqualTo(roles.app());
		assertThat(sql.queryForObject("SELECT pg_backend_pid()", Integer.class)).isEqualTo(backend);
	}

	@Test
	void rollbackEndsTheSwitchToo() {
		String role = ActorContext.callAs(Actor.job("pool-role-it"), () -> transactions.execute(status -> {
			status.setRollbackOnly();
			return sql.queryForObject("SELECT current_user", String.class);
		}));

		assertThat(role).isEqualTo(roles.jobs());
		assertThat(sql.queryForObject("SELECT current_user", String.class)).isEqualTo(roles.app());
	}

	@Test
	void requestContextDoesNotLeakToTheNextTransactionOnTheSameConnection() {
		Actor first = Actor.anonymous().withRequest("203.0.113.7", "pool-role-it", "request-one");
		Map<String, Object> during = ActorContext.callAs(first,
				() -> transactions.execute(status -> sql.queryForMap(REQUEST_CONTEXT)));
		assertThat(during).containsEntry("request", "request-one").containsEntry("ip", "203.0.113.7");

		assertThat(sql.queryForObject("SELECT current_setting('app.request_id', true)", String.class)).isNullOrEmpty();
		Map<String, Object> next = transactions.execute(status -> sql.queryForMap(REQUEST_CONTEXT));
		assertThat(next.get("backend")).isEqualTo(during.get("backend"));
		assertThat((String) next.get("request")).isEmpty();
		assertThat((String) next.get("ip")).isEmpty();
	}

	@Test
	void appRoleCannotReadTripsOutsideATransactionWithContext() throws SQLException {
		try (Connection connection = pool.getConnection()) {
			assertThatThrownBy(() -> connection.createStatement().executeQuery("SELECT count(*) FROM app.trips"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("42501"))
				.hasMessageContaining("permission denied");
		}
		long trips = transactions.execute(status -> sql.queryForObject("SELECT count(*) FROM app.trips", Long.class));
		assertThat(trips).isNotNegative();
	}

	private static Actor adminActor() {
		return new Actor(Actor.Role.ADMIN, null, "pool-role-it-admin", null, null, null);
	}

}
