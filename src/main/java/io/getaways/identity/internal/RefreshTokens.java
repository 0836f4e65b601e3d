package io.getaways.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque, rotating refresh tokens stored as SHA-256 hashes (the token itself has 256
 * random bits, so a fast hash is enough). Each use replaces the token; a spent token
 * presented again revokes its whole family.
 */
@Component
class RefreshTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final IdentitySettings settings;

	RefreshTokens(JdbcClient jdbc, IdentitySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * Starts a new family for the signed-in user; must run in a transaction acting as
	 * that user.
	 */
	String issue(UUID userId) {
		String token = newToken();
		jdbc.sql("""
				INSERT INTO system.refresh_tokens (family_id, user_id, token_hash, expires_at)
				VALUES (gen_random_uuid(), :user, :hash, :expiresAt)""")
			.param("user", userId)
			.param("hash", hash(token))
			.param("expiresAt", Timestamp.from(Instant.now().plus(settings.refreshTokenTtl())))
			.update();
		return token;
	}

	Rotation rotate(String token) {
		String next = newToken();
		return jdbc.sql("SELECT outcome, user_id FROM system.rotate_refresh_token(:hash, :nextHash, :expiresAt)")
			.param("hash", hash(token))
			.param("nextHash", hash(next))
			.param("expiresAt", Timestamp.from(Instant.now().plus(settings.refreshTokenTtl())))
			.query((row, n) -> new Rotation(Outcome.valueOf(row.getString("outcome")),
					row.getObject("user_id", UUID.class), next))
			.single();
	}

	/**
	 * Revokes the family of a token the signed-in user holds; must run acting as that
	 * user.
	 */
	void revokeFamily(String token) {
		jdbc.sql("""
				UPDATE system.refresh_tokens SET revoked_at = now()
				WHERE revoked_at IS NULL
				  AND family_id = (SELECT family_id FROM system.refresh_tokens WHERE token_hash = :hash)""")
			.param("hash", hash(token))
			.update();
	}

	/**
	 * Ends every session of a user, as that user or as an admin: after a password change,
	 * a reset, or disabling the account.
	 */
	int revokeAll(UUID userId) {
		return jdbc.sql("""
				UPDATE system.refresh_tokens SET revoked_at = now()
				WHERE revoked_at IS NULL
				  AND user_id = :user""").param("user", userId).update();
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	enum Outcome {

		ROTATED, REUSED, INVALID

	}

	record Rotation(Outcome outcome, UUID userId, String newToken) {
	}

}
