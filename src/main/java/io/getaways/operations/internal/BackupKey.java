package io.getaways.operations.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key backups are encrypted under, given as 32 bytes in base64. Its id, an
 * HMAC of a fixed text, is stored in each manifest so that a restore with another key
 * fails before it reads a byte of data.
 */
record BackupKey(SecretKeySpec key, String id) {

	static BackupKey parse(String base64, String property) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " must be 32 bytes in base64 but is not base64");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(property + " must be 32 bytes in base64 but decodes to " + bytes.length
					+ " bytes; make one with: head -c 32 /dev/urandom | base64");
		}
		SecretKeySpec key = new SecretKeySpec(bytes, "AES");
		return new BackupKey(key, idOf(key));
	}

	private static String idOf(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
			byte[] digest = mac.doFinal("getaways backup key id".getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares in constant time, as for any value derived from a secret. */
	boolean hasId(String other) {
		return other != null && MessageDigest.isEqual(id.getBytes(StandardCharsets.US_ASCII),
				other.getBytes(StandardCharsets.US_ASCII));
	}
}
