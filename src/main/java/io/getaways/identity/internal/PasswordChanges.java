package io.getaways.identity.internal;

import java.util.Map;
import java.util.function.Function;

import io.getaways.identity.UserAccount;
import io.getaways.platform.InvalidParameterException;
import org.springframework.stereotype.Service;

/**
 * A new password for one who knows the current one, checked as sign-in checks it
 * (throttled alike). The account's other refresh sessions end. Password hashing runs
 * outside any transaction, so a slow hash never holds a database connection.
 */
@Service
class PasswordChanges {

	private final CredentialCheck credentials;

	private final PasswordHasher hasher;

	private final UserRepository users;

	private final RefreshTokens refreshTokens;

	private final SignInEvents events;

	private final IdentityTransactions transactions;

	private final SignInService signIn;

	PasswordChanges(CredentialCheck credentials, PasswordHasher hasher, UserRepository users,
			RefreshTokens refreshTokens, SignInEvents events, IdentityTransactions transactions, SignInService signIn) {
		this.credentials = credentials;
		this.hasher = hasher;
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.events = events;
		this.transactions = transactions;
		this.signIn = signIn;
	}

	/** For the API: the answer is a new session. */
	SignInService.Session changePassword(String email, String password, String newPassword) {
		return change(email, password, newPassword, user -> signIn.newSession(user, false));
	}

	/**
	 * As {@link #changePassword(String, String, String)}, for a browser: the same rules,
	 * throttle, event and ended refresh sessions; no token is issued.
	 */
	UserAccount changePasswordBrowser(String email, String password, String newPassword) {
		return change(email, password, newPassword, user -> user);
	}

	/**
	 * Checks that the signed-in person knows the account's password before something that
	 * cannot be undone, throttled as sign-in is.
	 */
	void confirmPassword(String email, String password) {
		credentials.authenticate(email, password);
	}

	private <T> T change(String email, String password, String newPassword, Function<UserAccount, T> grant) {
		AccountRules.checkPassword("newPassword", newPassword);
		if (newPassword.equals(password)) {
			throw new InvalidParameterException("newPassword", "must differ from the current password");
		}
		UserRepository.LoginCandidate user = credentials.authenticate(email, password);
		String hash = hasher.hash(newPassword);
		return transactions.asUser(user.id(), () -> {
			users.setPassword(user.id(), hash, false);
			refreshTokens.revokeAll(user.id());
			events.record("PASSWORD_CHANGED", user.id().toString(), Map.of("email", email));
			return grant.apply(users.find(user.id()).orElseThrow());
		});
	}

}
