package io.getaways.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The identity module's API for other modules and operators. */
public interface Identity {

	/**
	 * Who receives the tokens: the Getaways API, or a Travlr client (one-hour token, no
	 * refresh token).
	 */
	enum Client {

		API, TRAVLR

	}

	/** Creates a traveller account and signs it in. */
	AccessGrant register(String email, String name, String password, Client client);

	AccessGrant signIn(String email, String password, Client client);

	/** Creates a user with one role; for operators (command line) and admins. */
	UserAccount createUser(String email, String name, String password, String role);

	Optional<UserAccount> findUser(UUID id);

	/** Whether an account with this email exists, in any status; for imports. */
	boolean userExists(String email);

	/** The id of the account with this email, in any status; for imports, as an admin. */
	Optional<UUID> findUserId(String email);

	/**
	 * Creates a customer account from a Travlr user, keeping its PBKDF2-SHA512 salt and
	 * hash (hex) until the first successful sign-in rehashes the password with Argon2id.
	 * Needs an admin actor, who is audited. Answers false, writing nothing, when the
	 * email is taken; throws {@code InvalidParameterException} naming the bad field.
	 */
	boolean importTravlrUser(String email, String name, String salt, String hash);

	/**
	 * Creates customer accounts from Travlr users as {@link #importTravlrUser} does, set
	 * based in the caller's transaction: one staging copy and one insert for the batch.
	 * Answers the (lower-cased) emails of the accounts created; an email taken already is
	 * left alone. Throws {@code InvalidParameterException} for a bad field, writing
	 * nothing: check each user with {@link #checkAccount} first.
	 */
	Set<String> importTravlrUsers(List<ImportedTravlrUser> users);

	/** The ids of the accounts with these emails, by lower-cased email; for imports. */
	Map<String, UUID> findUserIds(Collection<String> emails);

	/** Checks an email and name as registration does, writing nothing. */
	void checkAccount(String email, String name);

	record AccessGrant(String accessToken, Instant expiresAt, String refreshToken, UserAccount user) {
	}

}
