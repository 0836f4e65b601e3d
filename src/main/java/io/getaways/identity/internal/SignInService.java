package io.getaways.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.getaways.audit.Activity;
import io.getaways.audit.ActivityKind;
import io.getaways.identity.EmailTakenException;
import io.getaways.identity.InvalidCredentialsException;
import io.getaways.identity.InvalidTokenException;
import io.getaways.identity.SignInThrottledException;
import io.getaways.identity.UserAccount;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.InvalidParameterException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration, sign-in, token refresh and sign-out. Password hashing runs outside any
 * transaction, so a slow hash never holds a database connection.
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

	private final TransactionTemplate transactions;

	private final IdentitySettings settings;

	private final Activity activity;

	SignInService(UserRepository users, PasswordHasher hasher, SignInThrottle throttle, AccessTokens accessTokens,
			RefreshTokens refreshTokens, TokenDenyList denyList, SignInEvents events, TransactionTemplate transactions,
			IdentitySettings settings, Activity activity) {
		this.users = users;
		this.hasher = hasher;
		this.throttle = throttle;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.denyList = denyList;
		this.events = events;
		this.transactions = transactions;
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
		return asUser(id, () -> {
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
			java.util.function.Function<UserRepository.LoginCandidate, T> grant) {
		UserRepository.LoginCandidate user = authenticate(email, password);
		if (user.passwordChangeRequired()) {
			asUser(user.id(), () -> {
				events.record("LOGIN_PASSWORD_CHANGE_REQUIRED", user.id().toString(), Map.of("email", email));
				return null;
			});
			throw new PasswordChangeRequiredException();
		}
		String upgraded = hasher.needsUpgrade(user.passwordHash()) ? hasher.hash(password) : null;
		T granted = asUser(user.id(), () -> {
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
	Session signInWithPasskey(java.util.function.Supplier<UUID> verifiedUser) {
		return signInWithPasskey(verifiedUser, "v1", user -> newSession(user, false));
	}

	/**
	 * As {@link #signInWithPasskey(java.util.function.Supplier)}, for a browser session:
	 * no token is issued.
	 */
	UserAccount signInBrowserWithPasskey(java.util.function.Supplier<UUID> verifiedUser) {
		return signInWithPasskey(verifiedUser, "web", user -> user);
	}

	private <T> T signInWithPasskey(java.util.function.Supplier<UUID> verifiedUser, String channel,
			java.util.function.Function<UserAccount, T> grant) {
		String address = SignInThrottle.address(ActorContext.current().clientIp());
		asSystem(() -> throttle.waitRequired(List.of(address), Instant.now())).ifPresent(wait -> {
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
		UserAccount user = asUser(userId, () -> users.find(userId).orElse(null));
		if (user == null || !"ACTIVE".equals(user.status())) {
			recordPasskeyFailure(address, userId, "account is not active");
			throw new PasskeySignInFailed();
		}
		T granted = asUser(userId, () -> {
			users.recordSignIn(userId, null);
			events.record("LOGIN_SUCCESS", userId.toString(), Map.of("email", user.email(), "method", "passkey"));
			return grant.apply(users.find(userId).orElseThrow());
		});
		activity.record(userId.toString(), ActivityKind.SIGN_IN, Map.of("api", channel, "method", "passkey"));
		return granted;
	}

	private void recordPasskeyFailure(String address, UUID userId, String reason) {
		asSystem(() -> {
			boolean locked = throttle.recordFailure(address, settings.signIn().lockAfterPerAddress());
			events.record("LOGIN_FAILURE", userId == null ? null : userId.toString(),
					Map.of("method", "passkey", "reason", reason));
			if (locked) {
				events.record("LOGIN_LOCKOUT", null, Map.of("method", "passkey", "address", true));
			}
			return null;
		});
	}

	/**
	 * A new password for one who knows the current one, as sign-in checks it (throttled
	 * alike). The account's other sessions end; the answer is a new one.
	 */
	Session changePassword(String email, String password, String newPassword) {
		return changePassword(email, password, newPassword, user -> newSession(user, false));
	}

	/**
	 * As {@link #changePassword(String, String, String)}, for a browser: the same rules,
	 * throttle, event and ended refresh sessions; no token is issued.
	 */
	UserAccount changePasswordBrowser(String email, String password, String newPassword) {
		return changePassword(email, password, newPassword, user -> user);
	}

	private <T> T changePassword(String email, String password, String newPassword,
			java.util.function.Function<UserAccount, T> grant) {
		AccountRules.checkPassword("newPassword", newPassword);
		if (newPassword.equals(password)) {
			throw new InvalidParameterException("newPassword", "must differ from the current password");
		}
		UserRepository.LoginCandidate user = authenticate(email, password);
		String hash = hasher.hash(newPassword);
		return asUser(user.id(), () -> {
			users.setPassword(user.id(), hash, false);
			refreshTokens.revokeAll(user.id());
			events.record("PASSWORD_CHANGED", user.id().toString(), Map.of("email", email));
			return grant.apply(users.find(user.id()).orElseThrow());
		});
	}

	/**
	 * Checks that the signed-in person knows the account's password before something that
	 * cannot be undone, throttled as sign-in is.
	 */
	void confirmPassword(String email, String password) {
		authenticate(email, password);
	}

	/**
	 * The active account these credentials open, or the one answer every failure gets.
	 */
	private UserRepository.LoginCandidate authenticate(String email, String password) {
		String account = SignInThrottle.account(email);
		String address = SignInThrottle.address(ActorContext.current().clientIp());
		asSystem(() -> throttle.waitRequired(List.of(account, address), Instant.now())).ifPresent(wait -> {
			throw new SignInThrottledException(wait);
		});
		Optional<UserRepository.LoginCandidate> candidate = transactions.execute(status -> users.loginCandidate(email));
		boolean valid;
		if (candidate.isPresent()) {
			valid = hasher.matches(password, candidate.get().passwordHash())
					&& "ACTIVE".equals(candidate.get().status());
		}
		else {
			hasher.verifyDecoy(password);
			valid = false;
		}
		if (!valid) {
			recordFailure(email, account, address);
			throw new InvalidCredentialsException();
		}
		asSystem(() -> {
			throttle.clear(account);
			return null;
		});
		return candidate.get();
	}

	private void recordFailure(String email, String account, String address) {
		asSystem(() -> {
			boolean accountLocked = throttle.recordFailure(account, settings.signIn().lockAfter());
			boolean addressLocked = throttle.recordFailure(address, settings.signIn().lockAfterPerAddress());
			events.record("LOGIN_FAILURE", null, Map.of("email", email));
			if (accountLocked || addressLocked) {
				events.record("LOGIN_LOCKOUT", null,
						Map.of("email", email, "account", accountLocked, "address", addressLocked));
			}
			return null;
		});
	}

	Session refresh(String refreshToken) {
		RefreshTokens.Rotation rotation = transactions.execute(status -> refreshTokens.rotate(refreshToken));
		switch (rotation.outcome()) {
			case INVALID -> throw new InvalidTokenException("Refresh token is invalid or expired");
			case REUSED -> {
				asUser(rotation.userId(), () -> {
					events.record("REFRESH_TOKEN_REUSE", rotation.userId().toString(), Map.of());
					return null;
				});
				throw new InvalidTokenException(
						"Refresh token was already used; every session of this sign-in " + "has been revoked");
			}
			default -> {
				return asUser(rotation.userId(), () -> {
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
		asUser(userId, () -> {
			if (refreshToken != null) {
				refreshTokens.revokeFamily(refreshToken);
			}
			events.record("LOGOUT", userId.toString(), Map.of("jti", jti));
			return null;
		});
	}

	private Session newSession(UserAccount user, boolean travlr) {
		AccessTokens.IssuedToken token = accessTokens.issue(user,
				travlr ? settings.travlrTokenTtl() : settings.accessTokenTtl(), travlr);
		return new Session(user, token, travlr ? null : refreshTokens.issue(user.id()));
	}

	private <T> T asUser(UUID userId, java.util.function.Supplier<T> work) {
		Actor actor = ActorContext.current().withUser(userId.toString(), null, Actor.Role.CUSTOMER);
		return ActorContext.callAs(actor, () -> transactions.execute(status -> work.get()));
	}

	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return ActorContext.callAs(ActorContext.current().as(Actor.Role.SYSTEM),
				() -> transactions.execute(status -> work.get()));
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
