package io.getaways.identity.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

	private final AtomicInteger verifications = new AtomicInteger();

	private final AtomicBoolean revoked = new AtomicBoolean();

	private final OAuth2TokenValidator<Jwt> validator = jwt -> revoked.get()
			? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Token has been revoked", null))
			: OAuth2TokenValidatorResult.success();

	@Test
	void aTokenIsVerifiedOnceAndServedUntilRevoked() {
		JwtDecoder tokens = new VerifiedTokens(verifier(Instant.now().plusSeconds(900)), validator, 100);

		Jwt first = tokens.decode("token-a");
		Jwt second = tokens.decode("token-a");

		assertThat(second).isSameAs(first);
		assertThat(verifications).hasValue(1);
		revoked.set(true);
		assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("revoked");
	}

	@Test
	void anExpiredTokenIsVerifiedAgainRatherThanServedFromMemory() {
		JwtDecoder tokens = new VerifiedTokens(verifier(Instant.now().minusSeconds(1)), validator, 100);

		tokens.decode("token-b");
		tokens.decode("token-b");

		assertThat(verifications).hasValue(2);
	}

	@Test
	void aFailedVerificationIsNotKept() {
		JwtDecoder failing = token -> {
			verifications.incrementAndGet();
			throw new JwtValidationException("bad signature", java.util.List.of(new OAuth2Error("invalid_token")));
		};
		JwtDecoder tokens = new VerifiedTokens(failing, validator, 100);

		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(JwtValidationException.class);
		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(JwtValidationException.class);
		assertThat(verifications).hasValue(2);
	}

	private JwtDecoder verifier(Instant expiresAt) {
		return token -> {
			verifications.incrementAndGet();
			return Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("user")
				.issuedAt(expiresAt.minusSeconds(900))
				.expiresAt(expiresAt)
				.build();
		};
	}

}
