package io.getaways.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a random 96-bit nonce per value, sealed as version byte, nonce, ciphertext
 * and tag. The associated data binds a value to where it belongs (a row and a field), so
 * a ciphertext copied elsewhere does not decrypt.
 */
final class Gcm {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Gcm() {
	}

	static byte[] seal(SecretKey key, byte[] plain, String context) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
			out[0] = VERSION;
			System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption: AES-GCM is not available", ex);
		}
	}

	/** Throws {@link GeneralSecurityException} when the key or the context is wrong. */
	static byte[] open(SecretKey key, byte[] sealed, String context) throws GeneralSecurityException {
		if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
			throw new GeneralSecurityException("not a sealed value of version " + VERSION);
		}
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, key,
				new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES)));
		cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
		return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
	}

}
