package io.getaways.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code getaways.travlr.jwt-secret} (environment {@code GETAWAYS_TRAVLR_JWT_SECRET}):
 * the secret of an existing Travlr deployment, whose customer site verifies tokens with
 * HS256 and this secret. When set, the Travlr routes issue HS256 tokens signed with it;
 * unset, they issue the service's own tokens. The secret is never printed: a rejected one
 * is reported by its length, and {@link #toString()} hides it.
 */
@ConfigurationProperties("getaways.travlr")
@Validated
record TravlrSecretSettings(String jwtSecret) implements SettingsRules {

	/** HS256 keys shorter than the hash add no strength, and RFC 7518 refuses them. */
	static final int MINIMUM_BYTES = 32;

	@Override
	public void checkRules(Rules rules) {
		rules.require(jwtSecret == null || jwtSecret.isEmpty() || bytes().length >= MINIMUM_BYTES, "jwtSecret",
				"must be at least " + MINIMUM_BYTES + " bytes");
	}

	/** The HS256 key, when a secret is configured. */
	Optional<SecretKey> key() {
		if (jwtSecret == null || jwtSecret.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new SecretKeySpec(bytes(), "HmacSHA256"));
	}

	private byte[] bytes() {
		return jwtSecret.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "TravlrSecretSettings[jwtSecret=" + (key().isPresent() ? "(set)" : "(unset)") + "]";
	}
}
