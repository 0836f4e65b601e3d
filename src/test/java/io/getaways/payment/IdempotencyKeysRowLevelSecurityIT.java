package io.getaways.payment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.getaways.identity.UserAccount;
import io.getaways.platform.db.DatabaseRoles;
import io.getaways.platform.db.DatabaseSettings;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Idempotency keys, payments and refunds seen from a plain connection of the pool's login
 * role that starts each transaction as the application's transaction manager does: a user
 * reaches only their own rows, whatever the SQL.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyKeysRowLevelSecurityIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	DatabaseSettings settings;

	DatabaseRoles roles;

	TestPayers payers;

	UserAccount alice;

	UserAccount bob;

	String aliceKey = "rls-" + UUID.randomUUID();

	@BeforeAll
	void keysOfTwoUsers() throws SQLException {
		roles = settings.roles();
		payers = new TestPayers(context);
		alice = payers.newUser("customer");
		bob = payers.newUser("customer");
		for (UserAccount user : new UserAccount[] { alice, bob }) {
			try (Connection connection = transaction(roles.customer(), user.id());
					PreparedStatement insert = connection.prepareStatement("""
							INSERT INTO app.idempotency_keys
							  (user_id, idempotency_key, request_method, request_path, request_hash, expires_at)
							VALUES (?, ?, 'POST', '/api/v1/x', '\\x01', now() + interval '1 hour')""")) {
				insert.setObject(1, user.id());
				insert.setString(2, aliceKey);
				insert.executeUpdate();
				connection.commit();
			}
		}
	}

	@Test
	void aUserSeesOnlyTheirOwnKeys() throws SQLException {
		assertThat(count(roles.customer(), alice.id(), alice.id())).isEqualTo(1);
		assertThat(count(roles.customer(), alice.id(), bob.id())).isZero();
		assertThat(count(roles.customer(), null, alice.id())).isZero();
	}

	@Test
	void anAdminTooSeesOnlyTheirOwnKeys() throws SQLException {
		UserAccount admin = payers.newUser("admin");
		assertThat(count(roles.admin(), admin.id(), alice.id())).isZero();
		assertThat(count(roles.admin(), admin.id(), bob.id())).isZero();
	}

	@Test
	void aUserCannotChangeDeleteOrPlantAnotherUsersKeys() throws SQLException {
		assertThat(execute(bob.id(),
				"UPDATE app.idempotency_keys SET status = 'COMPLETED', response_status = 200 " + "WHERE user_id = ?",
				alice.id()))
			.isZero();
		assertThat(execute(bob.id(), "DELETE FROM app.idempotency_keys WHERE user_id = ?", alice.id())).isZero();
		assertThatThrownBy(() -> execute(bob.id(), """
				INSERT INTO app.idempotency_keys
				  (user_id, idempotency_key, request_method, request_path, request_hash, expires_at)
				VALUES (?, 'planted', 'POST', '/api/v1/x', '\\x01', now() + interval '1 hour')""", alice.id()))
			.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("42501"));
		assertThat(payers.queryLong(
				"SELECT count(*) FROM app.idempotency_keys WHERE user_id = ? AND status = " + "'IN_PROGRESS'",
				alice.id()))
			.isEqualTo(1);
	}

	@Test
	void paymentsAndRefundsAreForcedUnderRowLevelSecurity() throws SQLException {
		try (Connection connection = payers.superuser(); ResultSet rows = connection.createStatement().executeQuery("""
				SELECT count(*) FROM pg_class
				WHERE oid IN ('app.payments'::regclass, 'app.refunds'::regclass, 'app.idempotency_keys'::regclass)
				  AND relrowsecurity AND relforcerowsecurity""")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(3);
		}
	}

	private long count(String role, UUID contextUser, UUID owner) throws SQLException {
		try (Connection connection = transaction(role, contextUser);
				PreparedStatement select = connection.prepareStatement(
						"SELECT count(*) FROM app.idempotency_keys WHERE user_id = ? AND idempotency_key = ?")) {
			select.setObject(1, owner);
			select.setString(2, aliceKey);
			try (ResultSet row = select.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/** Rows affected by the statement as the user, always rolled back. */
	private int execute(UUID actingUser, String sql, UUID target) throws SQLException {
		try (Connection connection = transaction(roles.customer(), actingUser);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, target);
			return statement.executeUpdate();
		}
	}

	/**
	 * A transaction begun as ActorTransactionManager begins one; closing the connection
	 * rolls it back.
	 */
	private Connection transaction(String role, UUID userId) throws SQLException {
		Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
				environment.getRequiredProperty("spring.datasource.username"),
				environment.getRequiredProperty("spring.datasource.password"));
		connection.setAutoCommit(false);
		try (PreparedStatement context = connection
			.prepareStatement("SELECT set_config('role', ?, true), set_config('app.user_id', ?, true)")) {
			context.setString(1, role);
			context.setString(2, userId == null ? "" : userId.toString());
			context.execute();
		}
		return connection;
	}

}
