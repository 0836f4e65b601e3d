package io.getaways.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.getaways.platform.InvalidParameterException;

/**
 * Password hashes imported from Travlr: PBKDF2-SHA512, 1000 iterations, 64-byte key, both
 * salt and key hex. Travlr feeds the salt's hex text (not its bytes) to PBKDF2, so that
 * is what is verified. Stored as {@code {travlr-pbkdf2}1000$salt$hash} until the first
 * successful sign-in replaces it with Argon2id.
 */
final class TravlrPbkdf2 {

	static final String PREFIX = "{travlr-pbkdf2}";

	private static final Pattern STORED = Pattern
		.compile("^\\{travlr-pbkdf2\\}(\\d{1,7})\\$([0-9a-f]{2,256})\\$([0-9a-f]{128})$");

	private static final Pattern SALT = Pattern.compile("^[0-9a-f]{2,256}$");

	private static final Pattern HASH = Pattern.compile("^[0-9a-f]{128}$");

	private static final int ITERATIONS = 1000;

	private TravlrPbkdf2() {
	}

	/** The stored form of a Travlr salt and hash; rejects anything else by field. */
	static String stored(String salt, String hash) {
		String cleanSalt = salt == null ? "" : salt.trim().toLowerCase(java.util.Locale.ROOT);
		String cleanHash = hash == null ? "" : hash.trim().toLowerCase(java.util.Locale.ROOT);
		if (!SALT.matcher(cleanSalt).matches()) {
			throw new InvalidParameterException("salt", "must be hex text");
		}
		if (!HASH.matcher(cleanHash).matches()) {
			throw new InvalidParameterException("hash", "must be 128 hex digits (a 64-byte PBKDF2-SHA512 key)");
		}
		return PREFIX + ITERATIONS + "$" + cleanSalt + "$" + cleanHash;
	}

	static boolean isStored(String hash) {
		return hash != null && hash.startsWith(PREFIX);
	}

	static boolean matches(String password, String stored) {
		Matcher parts = STORED.matcher(stored);
		if (password == null || !parts.matches()) {
			return false;
		}
		byte[] expected = HexFormat.of().parseHex(parts.group(3));
		byte[] actual = derive(password, parts.group(2), Integer.parseInt(parts.group(1)), expected.length * 8);
		return MessageDigest.isEqual(expected, actual);
	}

	static byte[] derive(String password, String salt, int iterations, int bits) {
		PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations,
				bits);
		try {
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", ex);
		}
		finally {
			spec.clearPassword();
		}
	}

}
