package io.getaways.identity.internal;

import java.time.Duration;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.NonBlank;
import io.getaways.platform.config.SettingsRules;
import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param argon2 password hashing cost; raising it upgrades each stored hash at its
 * owner's next sign-in
 * @param accessTokenTtl lifetime of access tokens of the /api/v1 API
 * @param travlrTokenTtl lifetime of tokens issued by the Travlr routes, which its clients
 * expect to be an hour
 * @param refreshTokenTtl lifetime of a refresh token (each use replaces it)
 * @param issuer the {@code iss} claim
 * @param keyEncryptionSecret encrypts signing keys at rest when set
 * @param signIn how failed sign-ins slow down and then lock an account or an address
 */
@ConfigurationProperties("getaways.identity")
@Validated
record IdentitySettings(@Valid @DefaultValue Argon2 argon2, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("1h") Duration travlrTokenTtl, @DefaultValue("14d") Duration refreshTokenTtl,
		@DefaultValue("getaways") @NonBlank String issuer, String keyEncryptionSecret,
		@Valid @DefaultValue SignIn signIn) {

	/** Longest lifetime of any token we sign: a retired key keeps verifying this long. */
	Duration longestTokenTtl() {
		return accessTokenTtl.compareTo(travlrTokenTtl) > 0 ? accessTokenTtl : travlrTokenTtl;
	}

	/** Argon2id's cost, at OWASP's minimum by default (19 MiB, 2 passes, 1 lane). */
	record Argon2(@DefaultValue("19456") @AtLeast("8192") int memoryKib,
			@DefaultValue("2") @AtLeast("1") int iterations, @DefaultValue("1") @AtLeast("1") int parallelism) {
	}

	/**
	 * @param slowDownAfter failures of an account after which each further attempt must
	 * wait, doubling from {@code firstDelay}; an address slows down as many failures
	 * before its own lock
	 * @param lockAfter failures of an account after which it is locked for
	 * {@code lockDuration}
	 * @param lockAfterPerAddress failures from one client address after which that
	 * address is locked
	 */
	record SignIn(@DefaultValue("3") int slowDownAfter, @DefaultValue("5") int lockAfter,
			@DefaultValue("2s") Duration firstDelay, @DefaultValue("15m") Duration lockDuration,
			@DefaultValue("20") int lockAfterPerAddress) implements SettingsRules {

		@Override
		public void checkRules(Rules rules) {
			rules.require(slowDownAfter <= lockAfter, "slowDownAfter", "must not exceed lock-after", lockAfter);
		}
	}
}
