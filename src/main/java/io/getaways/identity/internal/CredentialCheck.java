package io.getaways.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.getaways.identity.InvalidCredentialsException;
import io.getaways.identity.SignInThrottledException;
import io.getaways.platform.ActorContext;
import org.springframework.stereotype.Component;

/**
 * The one check of an email and password, for signing in, changing the password and
 * confirming something that cannot be undone: throttled per account and per client
 * address, with the same answer for every failure, and a decoy hash for an unknown email
 * so that timing tells nothing either.
 */
@Component
class CredentialCheck {

	private final UserRepository users;

	private final PasswordHasher hasher;

	private final SignInThrottle throttle;

	private final SignInEvents events;

	private final IdentitySettings settings;

	private final IdentityTransactions transactions;

	CredentialCheck(UserRepository users, PasswordHasher hasher, SignInThrottle throttle, SignInEvents events,
			IdentitySettings settings, IdentityTransactions transactions) {
		this.users = users;
		this.hasher = hasher;
		this.throttle = throttle;
		this.events = events;
		this.settings = settings;
		this.transactions = transactions;
	}

	/**
	 * The active account these credentials open, or the one answer every failure gets.
	 */
	UserRepository.LoginCandidate authenticate(String email, String password) {
		String account = SignInThrottle.account(email);
		String address = SignInThrottle.address(ActorContext.current().clientIp());
		transactions.asSystem(() -> throttle.waitRequired(List.of(account, address), Instant.now())).ifPresent(wait -> {
			throw new SignInThrottledException(wait);
		});
		Optional<UserRepository.LoginCandidate> candidate = transactions.asCurrent(() -> users.loginCandidate(email));
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
		transactions.asSystem(() -> {
			throttle.clear(account);
			return null;
		});
		return candidate.get();
	}

	private void recordFailure(String email, String account, String address) {
		transactions.asSystem(() -> {
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

}
