package io.getaways.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param argon2 password hashing cost; raising it upgrades each stored hash at its owner's next sign-in
 * @param accessTokenTtl lifetime of access tokens of the /api/v1 API
 * @param travlrTokenTtl lifetime of tokens issued by the Travlr routes, which its clients expect to be an hour
 * @param refreshTokenTtl lifetime of a refresh token (each use replaces it)
 * @param issuer the {@code iss} claim
 * @param keyEncryptionSecret encrypts signing keys at rest when set
 * @param signIn how failed sign-ins slow down and then lock an account or an address
 */
@ConfigurationProperties("getaways.identity")
record IdentitySettings(Argon2 argon2, Duration accessTokenTtl, Duration travlrTokenTtl, Duration refreshTokenTtl,
		String issuer, String keyEncryptionSecret, SignIn signIn) {

	IdentitySettings {
		argon2 = argon2 == null ? new Argon2(19_456, 2, 1) : argon2;
		accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
		travlrTokenTtl = travlrTokenTtl == null ? Duration.ofHours(1) : travlrTokenTtl;
		refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
		issuer = issuer == null || issuer.isBlank() ? "getaways" : issuer;
		signIn = signIn == null ? new SignIn(3, 5, Duration.ofSeconds(2), Duration.ofMinutes(15), 20) : signIn;
		if (argon2.memoryKib() < 8_192 || argon2.iterations() < 1 || argon2.parallelism() < 1) {
			throw new IllegalArgumentException("getaways.identity.argon2 must have memory-kib >= 8192, iterations >= 1 "
					+ "and parallelism >= 1 but was " + argon2);
		}
		if (signIn.slowDownAfter() > signIn.lockAfter()) {
			throw new IllegalArgumentException("getaways.identity.sign-in.slow-down-after (" + signIn.slowDownAfter()
					+ ") must not exceed lock-after (" + signIn.lockAfter() + ")");
		}
	}

	/** Longest lifetime of any token we sign: a retired key keeps verifying this long. */
	Duration longestTokenTtl() {
		return accessTokenTtl.compareTo(travlrTokenTtl) > 0 ? accessTokenTtl : travlrTokenTtl;
	}

	record Argon2(int memoryKib, int iterations, int parallelism) {
	}

	/**
	 * @param slowDownAfter failures of an account after which each further attempt must wait, doubling from
	 * {@code firstDelay}; an address slows down as many failures before its own lock
	 * @param lockAfter failures of an account after which it is locked for {@code lockDuration}
	 * @param lockAfterPerAddress failures from one client address after which that address is locked
	 */
	record SignIn(int slowDownAfter, int lockAfter, Duration firstDelay, Duration lockDuration,
			int lockAfterPerAddress) {
	}
}
