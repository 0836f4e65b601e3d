package io.getaways.identity.internal;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes; the parameters travel inside each hash, so old hashes keep
 * verifying.
 */
@Component
class PasswordHasher {

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private final Argon2PasswordEncoder encoder;

	/**
	 * Verifying against this costs as much as a real check, so unknown emails take as
	 * long as known ones.
	 */
	private final String decoyHash;

	PasswordHasher(IdentitySettings settings) {
		IdentitySettings.Argon2 argon2 = settings.argon2();
		this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, argon2.parallelism(), argon2.memoryKib(),
				argon2.iterations());
		this.decoyHash = encoder.encode("decoy-password-never-matches");
	}

	String hash(String password) {
		return encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		return encoder.matches(password, hash);
	}

	/** Spends the time of one verification without a real hash. */
	void verifyDecoy(String password) {
		encoder.matches(password, decoyHash);
	}

	boolean needsUpgrade(String hash) {
		return encoder.upgradeEncoding(hash);
	}

}
