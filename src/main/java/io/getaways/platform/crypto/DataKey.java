package io.getaways.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import javax.crypto.SecretKey;

/**
 * One unwrapped data key, for the values of one owner (a booking's passengers). Never
 * stored or logged as it is; {@link #toString()} shows its id only.
 */
public final class DataKey {

	private final UUID id;

	private final SecretKey key;

	DataKey(UUID id, SecretKey key) {
		this.id = id;
		this.key = key;
	}

	public UUID id() {
		return id;
	}

	/**
	 * The value sealed under this key, bound to the context (such as
	 * {@code passenger:<id>:document_number}); decrypted again before it is returned, so
	 * nothing is ever written that cannot be read back.
	 */
	public byte[] encrypt(String value, String context) {
		byte[] sealed = Gcm.seal(key, value.getBytes(StandardCharsets.UTF_8), context);
		if (!value.equals(decrypt(sealed, context))) {
			throw new IllegalStateException("Encryption: data key " + id + " did not read back what it sealed");
		}
		return sealed;
	}

	public String decrypt(byte[] sealed, String context) {
		try {
			return new String(Gcm.open(key, sealed, context), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption: a value under data key " + id + " does not decrypt in context "
					+ context + " (" + ex.getMessage() + ")", ex);
		}
	}

	@Override
	public String toString() {
		return "DataKey[" + id + "]";
	}

}
