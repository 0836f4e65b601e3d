package io.getaways.identity;

import java.time.Instant;
import java.util.Optional;
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

	record AccessGrant(String accessToken, Instant expiresAt, String refreshToken, UserAccount user) {
	}

}
