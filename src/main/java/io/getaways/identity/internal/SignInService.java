package io.getaways.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.getaways.audit.Activity;
import io.getaways.audit.ActivityKind;
import io.getaways.identity.EmailTakenException;
import io.getaways.identity.InvalidTokenException;
import io.getaways.identity.SignInThrottledException;
import io.getaways.identity.UserAccount;
import io.getaways.platform.ActorContext;
import org.springframework.stereotype.Service;

/**
 * Registration, sign-in by password or passkey, token refresh and sign-out; the password
 * check itself is {@link CredentialCheck}, and a password change {@link PasswordChanges}.
 * Password hashing runs outside any transaction, so a slow hash never holds a database
 * connection.
 */
@Service
class SignInService {

	private final UserRepository users;

	private final PasswordHasher hasher;

	private final SignInThrottle throttle;

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final TokenDenyList denyList;

	private final SignInEvents events;

	private final IdentityTransactions transactions;

	private final CredentialCheck credentials;

	private final IdentitySettings settings;

	private final Activity activity;

	SignInService(UserRepository users, PasswordHasher hasher, SignInThrottle throttle, AccessTokens accessTokens,
			RefreshTokens refreshTokens, TokenDenyList denyList, SignInEvents events, IdentityTransactions transactions,
			CredentialCheck credentials, IdentitySettings settings, Activity activity) {
		this.users = users;
		this.hasher = hasher;
		this.throttle = throttle;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.denyList = denyList;
		this.events = events;
		this.transactions = transactions;
		this.credentials = credentials;
		this.settings = settings;
		this.activity = activity;
	}

	/**
	 * The new account's row, role and event are one transaction, which already acts as
	 * the new user.
	 */
	UserAccount register(String email, String name, String password) {
		AccountRules.check(email, name, password);
		String hash = hasher.hash(password);
		UUID id = UUID.randomUUID();
		return transactions.asUser(id, () -> {
			if (!users.register(id, email, name, hash, "customer")) {
				throw new EmailTakenException();
			}
			events.record("USER_REGISTERED", id.toString(), Map.of("email", email));
			return users.find(id).orElseThrow();
		});
	}

	Session signIn(String email, String password, boolean travlr) {
		return signIn(email, password, travlr ? "travlr" : "v1",
				user -> newSession(users.find(user.id()).orElseThrow(), travlr));
	}

	/**
	 * Checks the credentials exactly as {@link #signIn} does (same throttling, events and
	 * activity), for a browser session: no token is issued.
	 */
	UserAccount signInBrowser(String email, String password) {
		return signIn(email, password, "web", user -> users.find(user.id()).orElseThrow());
	}

	private <T> T signIn(String email, String password, String channel,
			Function<UserRepository.LoginCandidate, T> grant) {
		UserRepository.LoginCandidate user = credentials.authenticate(email, password);
		if (user.passwordChangeRequired()) {
			transactions.asUser(user.id(), () -> {
				events.record("LOGIN_PASSWORD_CHANGE_REQUIRED", user.id().toString(), Map.of("email", email));
				return null;
			});
			throw new PasswordChangeRequiredException();
		}
		String upgraded = hasher.needsUpgrade(user.passwordHash()) ? hasher.hash(password) : null;
		T granted = transactions.asUser(user.id(), () -> {
			users.recordSignIn(user.id(), upgraded);
			events.record("LOGIN_SUCCESS", user.id().toString(), Map.of("email", email));
			return grant.apply(user);
		});
		activity.record(user.id().toString(), ActivityKind.SIGN_IN, Map.of("api", channel));
		return granted;
	}

	/**
	 * Signs in the account whose passkey the given step verified. Throttled by client
	 * address as password sign-in is (the same counters), with the same events; an
	 * assertion names no email, so the per-account counters do not apply.
	 */
	Session signInWithPasskey(Supplier<UUID> verifiedUser) {
		return signInWithPasskey(verifiedUser, "v1", user -> newSession(user, false));
	}

	/**
	 * As {@link #signInWithPasskey(Supplier)}, for a browser session: no token is issued.
	 */
	UserAccount signInBrowserWithPasskey(Supplier<UUID> verifiedUser) {
		return signInWithPasskey(verifiedUser, "web", user -> user);
	}

	private <T> T signInWithPasskey(Supplier<UUID> verifiedUser, String channel, Function<UserAccount, T> grant) {
		String address = SignInThrottle.address(ActorContext.current().clientIp());
		transactions.asSystem(() -> throttle.waitRequired(List.of(address), Instant.now())).ifPresent(wait -> {
			throw new SignInThrottledException(wait);
		});
		UUID userId;
		try {
			userId = verifiedUser.get();
		}
		catch (PasskeyRejected ex) {
			recordPasskeyFailure(address, null, ex.getMessage());
			throw new PasskeySignInFailed();
		}
		UserAccount user = transactions.asUser(userId, () -> users.find(userId).orElse(null));
		if (user == null || !"ACTIVE".equals(user.status())) {
			recordPasskeyFailure(address, userId, "account is not active");
			throw new PasskeySignInFailed();
		}
		T granted = transactions.asUser(userId, () -> {
			users.recordSignIn(userId, null);
			events.record("LOGIN_SUCCESS", userId.toString(), Map.of("email", user.email(), "method", "passkey"));
			return grant.apply(users.find(userId).orElseThrow());
		});
		activity.record(userId.toString(), ActivityKind.SIGN_IN, Map.of("api", channel, "method", "passkey"));
		return granted;
	}

	private void recordPasskeyFailure(String address, UUID userId, String reason) {
		transactions.asSystem(() -> {
			boolean locked = throttle.recordFailure(address, settings.signIn().lockAfterPerAddress());
			events.record("LOGIN_FAILURE", userId == null ? null : userId.toString(),
					Map.of("method", "passkey", "reason", reason));
			if (locked) {
				events.record("LOGIN_LOCKOUT", null, Map.of("method", "passkey", "address", true));
			}
			return null;
		});
	}

	Session refresh(String refreshToken) {
		RefreshTokens.Rotation rotation = transactions.asCurrent(() -> refreshTokens.rotate(refreshToken));
		switch (rotation.outcome()) {
			case INVALID -> throw new InvalidTokenException("Refresh token is invalid or expired");
			case REUSED -> {
				transactions.asUser(rotation.userId(), () -> {
					events.record("REFRESH_TOKEN_REUSE", rotation.userId().toString(), Map.of());
					return null;
				});
				throw new InvalidTokenException(
						"Refresh token was already used; every session of this sign-in " + "has been revoked");
			}
			default -> {
				return transactions.asUser(rotation.userId(), () -> {
					UserAccount user = users.find(rotation.userId())
						.filter(found -> "ACTIVE".equals(found.status()))
						.orElseThrow(() -> new InvalidTokenException("Account is not active"));
					return new Session(user, accessTokens.issue(user, settings.accessTokenTtl()), rotation.newToken());
				});
			}
		}
	}

	void signOut(UUID userId, String jti, Instant expiresAt, String refreshToken) {
		denyList.deny(jti, expiresAt);
		transactions.asUser(userId, () -> {
			if (refreshToken != null) {
				refreshTokens.revokeFamily(refreshToken);
			}
			events.record("LOGOUT", userId.toString(), Map.of("jti", jti));
			return null;
		});
	}

	/**
	 * A new API session: an access token, and a refresh token unless it is a Travlr
	 * client's.
	 */
	Session newSession(UserAccount user, boolean travlr) {
		AccessTokens.IssuedToken token = accessTokens.issue(user,
				travlr ? settings.travlrTokenTtl() : settings.accessTokenTtl(), travlr);
		return new Session(user, token, travlr ? null : refreshTokens.issue(user.id()));
	}

	record Session(UserAccount user, AccessTokens.IssuedToken accessToken, String refreshToken) {
	}

	/**
	 * Why a passkey assertion was not accepted; the caller only learns that it was not.
	 */
	static class PasskeyRejected extends RuntimeException {

		PasskeyRejected(String reason) {
			super(reason);
		}

	}

	static class PasskeySignInFailed extends io.getaways.platform.DomainException {

		PasskeySignInFailed() {
			super(Kind.UNAUTHENTICATED, "Passkey not accepted: ask for new options and try again");
		}

	}

}
