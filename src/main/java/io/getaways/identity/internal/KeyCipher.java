package io.getaways.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts signing keys at rest with AES-GCM under
 * {@code getaways.identity.key-encryption-secret}. Without a secret keys are stored as
 * they are, and a warning says so once.
 */
@Component
class KeyCipher {

	private static final Logger log = LoggerFactory.getLogger(KeyCipher.class);

	private static final String PREFIX = "aesgcm:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	KeyCipher(IdentitySettings settings) {
		String secret = settings.keyEncryptionSecret();
		this.key = secret == null || secret.isBlank() ? null : new SecretKeySpec(sha256(secret), "AES");
		if (key == null) {
			log.warn(
					"Identity: getaways.identity.key-encryption-secret is not set; signing keys are stored unencrypted");
		}
	}

	String seal(String plain) {
		if (key == null) {
			return plain;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Identity: cannot encrypt a signing key", ex);
		}
	}

	String open(String stored) {
		if (!stored.startsWith(PREFIX)) {
			return stored;
		}
		if (key == null) {
			throw new IllegalStateException(
					"Identity: signing keys are encrypted but " + "getaways.identity.key-encryption-secret is not set");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Identity: cannot decrypt a signing key; is "
					+ "getaways.identity.key-encryption-secret the one it was stored with?", ex);
		}
	}

	private static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
