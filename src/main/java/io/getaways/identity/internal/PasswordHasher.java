package io.getaways.identity.internal;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes; the parameters travel inside each hash, so old hashes keep
 * verifying. Hashes imported from Travlr ({@link TravlrPbkdf2}) verify too, and are
 * always upgraded.
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
		if (TravlrPbkdf2.isStored(hash)) {
			return TravlrPbkdf2.matches(password, hash);
		}
		return encoder.matches(password, hash);
	}

	/** Spends the time of one verification without a real hash. */
	void verifyDecoy(String password) {
		encoder.matches(password, decoyHash);
	}

	/** Older Argon2id parameters, and every imported hash, are replaced on sign-in. */
	boolean needsUpgrade(String hash) {
		return TravlrPbkdf2.isStored(hash) || encoder.upgradeEncoding(hash);
	}

}
