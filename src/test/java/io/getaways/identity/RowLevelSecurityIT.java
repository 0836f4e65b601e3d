package io.getaways.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.platform.db.DatabaseRoles;
import io.getaways.platform.db.DatabaseSettings;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestAccounts.Account;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row-level security on identities and credentials, seen from a plain JDBC connection of
 * the pool's login role that starts each transaction exactly as the application's
 * transaction manager does: whatever the application code asks, the database shows a user
 * only their own rows, and nothing at all without a user.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityIT {

	/**
	 * Every table that holds a user's identity or credentials, with the column its
	 * policies compare.
	 */
	private static final Map<String, String> OWNED = Map.of("app.users", "id", "app.user_roles", "user_id",
			"system.api_keys", "user_id", "system.refresh_tokens", "user_id");

	private static final int DENIED = -1;

	/**
	 * The column an own-rows policy compares with the request's user, as PostgreSQL
	 * prints the policy.
	 */
	private static final Pattern POLICY_COLUMN = Pattern.compile("^\\((\\w+) = \\( SELECT .*app\\.user_id.*");

	@Autowired
	Identity identity;

	@Autowired
	Environment environment;

	@Autowired
	DatabaseSettings settings;

	@LocalServerPort
	int port;

	DatabaseRoles roles;

	Account a;

	Account b;

	@BeforeAll
	void twoUsersWithSessionsAndKeys() {
		roles = settings.roles();
		HttpApi api = new HttpApi(port);
		a = TestAccounts.traveller(identity, "rls-a");
		b = TestAccounts.traveller(identity, "rls-b");
		TestAccounts.createApiKey(api, a);
		TestAccounts.createApiKey(api, b);
	}

	@Test
	void aUserSeesTheirOwnRowsAndNoOneElses() throws SQLException {
		for (var owned : OWNED.entrySet()) {
			String table = owned.getKey();
			String column = owned.getValue();
			for (Account self : List.of(a, b)) {
				Account other = self == a ? b : a;
				long own = count(roles.customer(), self.id().toString(), table, column, self.id());
				assertThat(own).as("own rows in %s", table).isPositive();
				assertThat(count(roles.customer(), self.id().toString(), table, column, other.id()))
					.as("the other user's rows in %s", table)
					.isZero();
				assertThat(count(roles.customer(), self.id().toString(), table, null, null))
					.as("everything visible in %s is one's own", table)
					.isEqualTo(own);
			}
		}
	}

	@Test
	void aUserCannotChangeOrDeleteAnotherUsersRows() throws SQLException {
		// each statement against the other user changes nothing; against oneself, it does
		// what the grants allow
		Map<String, Integer> ownOutcome = new HashMap<>();
		ownOutcome.put("UPDATE app.users SET name = 'taken over' WHERE id = ?", 1);
		ownOutcome.put("DELETE FROM app.users WHERE id = ?", DENIED);
		ownOutcome.put("UPDATE app.user_roles SET role = 'admin' WHERE user_id = ?", DENIED);
		ownOutcome.put("DELETE FROM app.user_roles WHERE user_id = ?", DENIED);
		ownOutcome.put("INSERT INTO app.user_roles (user_id, role) VALUES (?, 'admin')", DENIED);
		ownOutcome.put("UPDATE system.api_keys SET revoked_at = now() WHERE user_id = ?", 1);
		ownOutcome.put("DELETE FROM system.api_keys WHERE user_id = ?", DENIED);
		ownOutcome.put("""
				INSERT INTO system.api_keys (user_id, name, prefix, key_hash, scopes)
				VALUES (?, 'planted', substr(md5(random()::text), 1, 12), '\\x00', '{catalog:read}')""", 1);
		ownOutcome.put("UPDATE system.refresh_tokens SET revoked_at = now() WHERE user_id = ?", 1);
		ownOutcome.put("DELETE FROM system.refresh_tokens WHERE user_id = ?", DENIED);
		ownOutcome.put("""
				INSERT INTO system.refresh_tokens (family_id, user_id, token_hash, expires_at)
				VALUES (gen_random_uuid(), ?, decode(md5(random()::text), 'hex'), now() + interval '1 day')""", 1);
		for (var statement : ownOutcome.entrySet()) {
			assertThat(execute(a, statement.getKey(), b.id())).as(statement.getKey()).isIn(0, DENIED);
			assertThat(execute(a, statement.getKey(), a.id())).as("control: " + statement.getKey())
				.isEqualTo(statement.getValue());
		}
	}

	@Test
	void withoutAUserInTheContextNothingIsVisible() throws SQLException {
		for (var owned : OWNED.entrySet()) {
			assertThat(count(roles.customer(), null, owned.getKey(), null, null)).as("unset, " + owned.getKey())
				.isZero();
			assertThat(count(roles.customer(), "", owned.getKey(), null, null)).as("empty, " + owned.getKey()).isZero();
		}
	}

	@Test
	void anAdminSeesEveryUsersRows() throws SQLException {
		for (var owned : OWNED.entrySet()) {
			for (Account user : List.of(a, b)) {
				assertThat(count(roles.admin(), "", owned.getKey(), owned.getValue(), user.id()))
					.as("%s of %s", owned.getKey(), user.email())
					.isEqualTo(
							count(roles.customer(), user.id().toString(), owned.getKey(), owned.getValue(), user.id()));
			}
		}
	}

	@Test
	void everyOwnRowsPolicyComparesAnIndexedColumn() throws SQLException {
		Map<String, String> compared = new HashMap<>();
		List<String> unindexed = new ArrayList<>();
		try (Connection connection = connect(); ResultSet policies = connection.createStatement().executeQuery("""
				SELECT schemaname || '.' || tablename AS table_name, qual
				FROM pg_policies
				WHERE schemaname IN ('app', 'system') AND qual LIKE '%app.user_id%'""")) {
			while (policies.next()) {
				Matcher column = POLICY_COLUMN.matcher(policies.getString("qual"));
				assertThat(column.matches()).as(policies.getString("qual")).isTrue();
				compared.put(policies.getString("table_name"), column.group(1));
			}
			for (var policy : compared.entrySet()) {
				if (!leadsAnIndex(connection, policy.getKey(), policy.getValue())) {
					unindexed.add(policy.getKey() + "." + policy.getValue());
				}
			}
		}
		assertThat(compared).containsAllEntriesOf(OWNED);
		assertThat(unindexed).as("policy columns without an index that starts with them").isEmpty();
	}

	@Test
	void rowLevelSecurityIsForcedSoTheOwnerIsBoundToo() throws SQLException {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("""
				SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = cast(? AS regclass)""")) {
			for (String table : OWNED.keySet()) {
				statement.setString(1, table);
				try (ResultSet row = statement.executeQuery()) {
					assertThat(row.next()).isTrue();
					assertThat(row.getBoolean(1)).as(table).isTrue();
				}
			}
		}
	}

	private static boolean leadsAnIndex(Connection connection, String table, String column) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT EXISTS (
				  SELECT 1
				  FROM pg_index i
				  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
				  WHERE i.indrelid = cast(? AS regclass) AND a.attname = ? AND i.indisvalid)""")) {
			statement.setString(1, table);
			statement.setString(2, column);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getBoolean(1);
			}
		}
	}

	/**
	 * Rows of the table visible to the role and user, all of them or those whose column
	 * equals the value.
	 */
	private long count(String role, String userId, String table, String column, UUID value) throws SQLException {
		String sql = "SELECT count(*) FROM " + table + (column == null ? "" : " WHERE " + column + " = ?");
		try (Connection connection = transaction(role, userId);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			if (column != null) {
				statement.setObject(1, value);
			}
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/**
	 * Rows the statement affected acting as the user, or {@link #DENIED}; always rolled
	 * back.
	 */
	private int execute(Account actingUser, String sql, UUID target) throws SQLException {
		try (Connection connection = transaction(roles.customer(), actingUser.id().toString());
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, target);
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			if ("42501".equals(ex.getSQLState())) {
				return DENIED;
			}
			throw ex;
		}
	}

	/**
	 * A new connection in a transaction begun as the application's transaction manager
	 * begins one; a null user leaves app.user_id unset. Closing the connection rolls the
	 * transaction back.
	 */
	private Connection transaction(String role, String userId) throws SQLException {
		Connection connection = connect();
		connection.setAutoCommit(false);
		String context = userId == null ? "SELECT set_config('role', ?, true)"
				: "SELECT set_config('role', ?, true), set_config('app.user_id', ?, true)";
		try (PreparedStatement statement = connection.prepareStatement(context)) {
			statement.setString(1, role);
			if (userId != null) {
				statement.setString(2, userId);
			}
			statement.execute();
		}
		return connection;
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
				environment.getRequiredProperty("spring.datasource.username"),
				environment.getRequiredProperty("spring.datasource.password"));
	}

}
