package io.getaways.identity.internal;

import java.util.Optional;
import java.util.UUID;

import io.getaways.identity.EmailTakenException;
import io.getaways.identity.UserAccount;
import io.getaways.platform.ActorContext;
import io.getaways.platform.InvalidParameterException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates an account with any role, as an admin: an admin caller acts as itself; anyone
 * else (the operator's command line, the bootstrap admin) acts as the operator, so the
 * audit log shows who created the account.
 */
@Component
class UserCreation {

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final PasswordHasher hasher;

	private final TransactionTemplate transactions;

	UserCreation(JdbcClient jdbc, UserRepository users, PasswordHasher hasher, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.users = users;
		this.hasher = hasher;
		this.transactions = transactions;
	}

	UserAccount create(String email, String name, String password, String role) {
		AccountRules.check(email == null ? null : email.trim(), name == null ? null : name.trim(), password);
		String hash = hasher.hash(password);
		return ActorContext.callAs(Operators.current("getaways users"), () -> transactions.execute(status -> {
			if (!users.roleNames().contains(role)) {
				throw new InvalidParameterException("role", "'" + role + "' is not one of " + users.roleNames());
			}
			UUID id;
			try {
				id = jdbc.sql(
						"INSERT INTO app.users (email, name, password_hash) VALUES (:email, :name, :hash) RETURNING id")
					.param("email", email.trim())
					.param("name", name.trim())
					.param("hash", hash)
					.query(UUID.class)
					.single();
			}
			catch (DuplicateKeyException ex) {
				throw new EmailTakenException();
			}
			users.grantRole(id, role, null);
			return users.find(id).orElseThrow();
		}));
	}

	Optional<UUID> findId(String email) {
		return ActorContext.callAs(Operators.current("getaways import"),
				() -> transactions.execute(status -> jdbc.sql("""
						SELECT id
						FROM app.users
						WHERE email = :email::citext""").param("email", email.trim()).query(UUID.class).optional()));
	}

	/**
	 * A customer whose hash was made elsewhere; the email's owner keeps the account when
	 * it exists already.
	 */
	boolean importTravlrUser(String email, String name, String storedHash) {
		AccountRules.checkAccount(email == null ? null : email.trim(), name == null ? null : name.trim());
		return ActorContext.callAs(Operators.current("getaways import"), () -> transactions.execute(status -> {
			UUID id = jdbc.sql("""
					INSERT INTO app.users (email, name, password_hash)
					VALUES (:email, :name, :hash)
					ON CONFLICT (email) DO NOTHING
					RETURNING id""")
				.param("email", email.trim())
				.param("name", name.trim())
				.param("hash", storedHash)
				.query(UUID.class)
				.optional()
				.orElse(null);
			if (id == null) {
				return false;
			}
			users.grantRole(id, "customer", null);
			return true;
		}));
	}

}
