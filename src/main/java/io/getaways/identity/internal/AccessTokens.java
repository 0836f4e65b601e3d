package io.getaways.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import io.getaways.identity.UserAccount;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signed access tokens for users: RS256 with a key id, carrying what Travlr clients read
 * without verifying. Tokens for a Travlr client are HS256 under the deployment's own
 * secret when one is configured, so its customer site can verify them; they also carry
 * Travlr's {@code id} claim.
 */
@Component
class AccessTokens {

	private final SigningKeys keys;

	private final NimbusJwtEncoder encoder;

	private final Optional<NimbusJwtEncoder> travlrEncoder;

	private final IdentitySettings settings;

	AccessTokens(SigningKeys keys, IdentitySettings settings, TravlrSecretSettings travlr) {
		this.keys = keys;
		this.settings = settings;
		this.encoder = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.signingKey())));
		this.travlrEncoder = travlr.key().map(key -> NimbusJwtEncoder.withSecretKey(key).build());
	}

	IssuedToken issue(UserAccount user, Duration ttl) {
		return issue(user, ttl, false);
	}

	IssuedToken issue(UserAccount user, Duration ttl, boolean forTravlr) {
		Instant now = Instant.now();
		String jti = UUID.randomUUID().toString();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(settings.issuer())
			.subject(user.id().toString())
			.id(jti)
			.issuedAt(now)
			.expiresAt(now.plus(ttl))
			.claim("email", user.email())
			.claim("name", user.name())
			.claim("roles", List.copyOf(user.roles()));
		String value;
		if (forTravlr && travlrEncoder.isPresent()) {
			claims.claim("id", user.id().toString());
			JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
			value = travlrEncoder.get().encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		}
		else {
			JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.signingKey().getKeyID()).build();
			value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		}
		return new IssuedToken(value, jti, now.plus(ttl));
	}

	record IssuedToken(String value, String jti, Instant expiresAt) {
	}

}
