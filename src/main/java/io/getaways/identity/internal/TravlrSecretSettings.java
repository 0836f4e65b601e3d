package io.getaways.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code getaways.travlr.jwt-secret} (environment {@code GETAWAYS_TRAVLR_JWT_SECRET}): the secret of an existing
 * Travlr deployment, whose customer site verifies tokens with HS256 and this secret. When set, the Travlr routes issue
 * HS256 tokens signed with it; unset, they issue the service's own tokens. The secret is never printed: the message
 * of a rejected one gives only its length, and {@link #toString()} hides it.
 */
@ConfigurationProperties("getaways.travlr")
record TravlrSecretSettings(String jwtSecret) {

	/** HS256 keys shorter than the hash add no strength and are refused by RFC 7518. */
	static final int MINIMUM_BYTES = 32;

	TravlrSecretSettings {
		if (jwtSecret != null && !jwtSecret.isEmpty()
				&& jwtSecret.getBytes(StandardCharsets.UTF_8).length < MINIMUM_BYTES) {
			throw new IllegalArgumentException("getaways.travlr.jwt-secret must be at least " + MINIMUM_BYTES
					+ " bytes but was " + jwtSecret.getBytes(StandardCharsets.UTF_8).length + " bytes");
		}
	}

	/** The HS256 key, when a secret is configured. */
	Optional<SecretKey> key() {
		if (jwtSecret == null || jwtSecret.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
	}

	@Override
	public String toString() {
		return "TravlrSecretSettings[jwtSecret=" + (key().isPresent() ? "(set)" : "(unset)") + "]";
	}
}
