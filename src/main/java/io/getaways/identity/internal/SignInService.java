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
		UserRepository.LoginCandidate user = authenticate(email, password);
		if (user.passwordChangeRequired()) {
			asUser(user.id(), () -> {
				events.record("LOGIN_PASSWORD_CHANGE_REQUIRED", user.id().toString(), Map.of("email", email));
				return null;
			});
			throw new PasswordChangeRequiredException();
		}
		String upgraded = hasher.needsUpgrade(user.passwordHash()) ? hasher.hash(password) : null;
		Session session = asUser(user.id(), () -> {
			users.recordSignIn(user.id(), upgraded);
			events.record("LOGIN_SUCCESS", user.id().toString(), Map.of("email", email));
			return newSession(users.find(user.id()).orElseThrow(), travlr);
		});
		activity.record(user.id().toString(), ActivityKind.SIGN_IN, Map.of("api", travlr ? "travlr" : "v1"));
		return session;
	}

	/**
	 * A new password for one who knows the current one, as sign-in checks it (throttled
	 * alike). The account's other sessions end; the answer is a new one.
	 */
	Session changePassword(String email, String password, String newPassword) {
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
			return newSession(users.find(user.id()).orElseThrow(), false);
		});
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

}
