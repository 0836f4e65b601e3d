package io.getaways.identity.internal;

import java.text.ParseException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which bearer tokens a route accepts. Every route accepts the service's own RS256
 * tokens. With a Travlr secret configured, the Travlr trip routes, and only they, also
 * accept HS256 tokens under that secret: whoever holds the secret (the deployment's
 * Express server) can mint such tokens, so they must never open {@code /api/v1} or an
 * admin route outside the Travlr contract. Both kinds pass the same checks: expiry, the
 * sign-out deny-list, and the roles they carry.
 */
final class TravlrTokens {

	/**
	 * The Travlr routes that take a token; {@code /api/login} and {@code /api/register}
	 * hand them out.
	 */
	private static final RequestMatcher TRAVLR_ROUTES = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/api/trips"),
			PathPatternRequestMatcher.withDefaults().matcher("/api/trips/*"));

	private TravlrTokens() {
	}

	static AuthenticationManagerResolver<HttpServletRequest> managers(JwtDecoder serviceTokens,
			TravlrSecretSettings travlr, TokenDenyList denyList, TokenAuthorities authorities) {
		AuthenticationManager service = manager(serviceTokens, authorities);
		if (travlr.key().isEmpty()) {
			return request -> service;
		}
		NimbusJwtDecoder hs256 = NimbusJwtDecoder.withSecretKey(travlr.key().get())
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		hs256.setJwtValidator(SecurityConfiguration.validator(denyList));
		AuthenticationManager either = manager(
				token -> isHs256(token) ? hs256.decode(token) : serviceTokens.decode(token), authorities);
		return request -> TRAVLR_ROUTES.matches(request) ? either : service;
	}

	private static AuthenticationManager manager(JwtDecoder decoder, TokenAuthorities authorities) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(authorities);
		return new ProviderManager(provider);
	}

	/**
	 * Only the header is read here; the decoder the token goes to verifies everything.
	 */
	private static boolean isHs256(String token) {
		try {
			return JWTParser.parse(token) instanceof SignedJWT signed
					&& JWSAlgorithm.HS256.equals(signed.getHeader().getAlgorithm());
		}
		catch (ParseException ex) {
			return false;
		}
	}

}
