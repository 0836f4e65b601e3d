package io.getaways.identity.internal;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Parses and verifies the signature of each access token once: a client sends the same
 * token with every request for its 15 minutes, and the RSA verification was a fixed cost
 * of every request. A token is kept, bounded in number, until it expires; each use still
 * runs the validators (expiry, and the deny-list a sign-out writes), so a revoked token
 * is refused on its next request as before.
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maximumSize) {
		this.verifier = verifier;
		this.validator = validator;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new UntilExpiry()).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = verified.getIfPresent(token);
		if (known == null) {
			Jwt jwt = verifier.decode(token);
			verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = validator.validate(known);
		if (result.hasErrors()) {
			verified.invalidate(token);
			throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
		}
		return known;
	}

	/** Kept no longer than the token is valid; one without an expiry is not kept. */
	private static final class UntilExpiry implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
			Instant expiresAt = jwt.getExpiresAt();
			return expiresAt == null ? 0 : Math.max(0, Duration.between(Instant.now(), expiresAt).toNanos());
		}

		@Override
		public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(token, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
