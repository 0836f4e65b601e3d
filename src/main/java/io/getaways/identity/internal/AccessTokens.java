package io.getaways.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import io.getaways.identity.UserAccount;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signed access tokens for users: RS256 with a key id, carrying what Travlr clients read without verifying. */
@Component
class AccessTokens {

	private final SigningKeys keys;
	private final NimbusJwtEncoder encoder;
	private final IdentitySettings settings;

	AccessTokens(SigningKeys keys, IdentitySettings settings) {
		this.keys = keys;
		this.settings = settings;
		this.encoder = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.signingKey())));
	}

	IssuedToken issue(UserAccount user, Duration ttl) {
		Instant now = Instant.now();
		String jti = UUID.randomUUID().toString();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(settings.issuer())
			.subject(user.id().toString())
			.id(jti)
			.issuedAt(now)
			.expiresAt(now.plus(ttl))
			.claim("email", user.email())
			.claim("name", user.name())
			.claim("roles", List.copyOf(user.roles()))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.signingKey().getKeyID()).build();
		String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new IssuedToken(value, jti, now.plus(ttl));
	}

	record IssuedToken(String value, String jti, Instant expiresAt) {
	}
}
