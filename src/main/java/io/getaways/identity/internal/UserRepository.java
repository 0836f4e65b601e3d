package io.getaways.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.getaways.identity.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users under row-level security: callers see their own row unless they act as admin. */
@Repository
class UserRepository {

	private static final String WITH_ROLES = """
			SELECT u.id, u.email, u.name, u.status,
			       coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
			FROM app.users u
			LEFT JOIN app.user_roles r ON r.user_id = u.id
			""";

	private static final String FIND = WITH_ROLES + """
			WHERE u.id = :id
			GROUP BY u.id""";

	private static final String LIST = WITH_ROLES + """
			GROUP BY u.id
			HAVING :role::text IS NULL OR bool_or(r.role = :role)
			ORDER BY u.email""";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<LoginCandidate> loginCandidate(String email) {
		return jdbc.sql("""
				SELECT id, password_hash, status, password_change_required
				FROM app.login_candidate(:email)""")
			.param("email", email)
			.query((row, n) -> new LoginCandidate(row.getObject("id", UUID.class), row.getString("password_hash"),
					row.getString("status"), row.getBoolean("password_change_required")))
			.optional();
	}

	/**
	 * Returns whether the account was created under the given id; false when the email is
	 * taken.
	 */
	boolean register(UUID id, String email, String name, String passwordHash, String role) {
		return jdbc.sql("SELECT app.register_user(:id, :email, :name, :hash, :role)")
			.param("id", id)
			.param("email", email)
			.param("name", name)
			.param("hash", passwordHash)
			.param("role", role)
			// the function answers NULL for a taken email, which a single-column query
			// refuses as a result
			.query((row, n) -> row.getObject(1, UUID.class) != null)
			.single();
	}

	Optional<UserAccount> find(UUID id) {
		return jdbc.sql(FIND).param("id", id).query(UserRepository::mapUser).optional();
	}

	/**
	 * Whether the account can sign in with a password. Every way to create an account
	 * sets one today (the column is NOT NULL); an empty hash is how one without would
	 * look.
	 */
	boolean hasPassword(UUID id) {
		return jdbc.sql("SELECT password_hash <> '' FROM app.users WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void recordSignIn(UUID id, String upgradedHash) {
		jdbc.sql("""
				UPDATE app.users
				SET last_login_at = now(), password_hash = coalesce(:hash, password_hash)
				WHERE id = :id""").param("id", id).param("hash", upgradedHash).update();
	}

	void grantRole(UUID userId, String role, UUID grantedBy) {
		jdbc.sql("""
				INSERT INTO app.user_roles (user_id, role, granted_by) VALUES (:user, :role, :by)
				ON CONFLICT (user_id, role) DO NOTHING""")
			.param("user", userId)
			.param("role", role)
			.param("by", grantedBy)
			.update();
	}

	boolean revokeRole(UUID userId, String role) {
		return jdbc.sql("DELETE FROM app.user_roles WHERE user_id = :user AND role = :role")
			.param("user", userId)
			.param("role", role)
			.update() > 0;
	}

	List<String> roleNames() {
		return jdbc.sql("SELECT name FROM app.roles ORDER BY name").query(String.class).list();
	}

	private static UserAccount mapUser(ResultSet row, int n) throws SQLException {
		String[] roles = (String[]) row.getArray("roles").getArray();
		return new UserAccount(row.getObject("id", UUID.class), row.getString("email"), row.getString("name"),
				new HashSet<>(Arrays.asList(roles)), row.getString("status"));
	}

	/** Every account the caller may see, or those with the role; by email. */
	List<UserAccount> list(String role) {
		return jdbc.sql(LIST).param("role", role).query(UserRepository::mapUser).list();
	}

	/**
	 * Accounts whose email contains the text (any when null), with the role (any when
	 * null), by email, at most {@code limit}.
	 */
	List<UserAccount> search(String emailPart, String role, int limit) {
		return jdbc.sql(WITH_ROLES + """
				WHERE :pattern::text IS NULL OR u.email ILIKE :pattern
				GROUP BY u.id
				HAVING :role::text IS NULL OR bool_or(r.role = :role)
				ORDER BY u.email
				LIMIT :limit""")
			.param("pattern", emailPart == null ? null : "%" + emailPart.replaceAll("([\\\\%_])", "\\\\$1") + "%")
			.param("role", role)
			.param("limit", limit)
			.query(UserRepository::mapUser)
			.list();
	}

	Optional<UUID> idOf(String email) {
		return jdbc.sql("SELECT id FROM app.users WHERE email = CAST(:email AS public.citext)")
			.param("email", email)
			.query(UUID.class)
			.optional();
	}

	/**
	 * A new password; {@code changeRequired} makes the next sign-in change it before any
	 * session.
	 */
	void setPassword(UUID id, String passwordHash, boolean changeRequired) {
		jdbc.sql("""
				UPDATE app.users
				SET password_hash = :hash, password_change_required = :changeRequired, updated_at = now()
				WHERE id = :id""")
			.param("id", id)
			.param("hash", passwordHash)
			.param("changeRequired", changeRequired)
			.update();
	}

	void setStatus(UUID id, String status) {
		jdbc.sql("UPDATE app.users SET status = :status, updated_at = now() WHERE id = :id")
			.param("id", id)
			.param("status", status)
			.update();
	}

	record LoginCandidate(UUID id, String passwordHash, String status, boolean passwordChangeRequired) {
	}

}
