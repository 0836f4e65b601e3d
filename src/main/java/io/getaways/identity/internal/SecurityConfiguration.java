package io.getaways.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * Two filter chains: Spring Authorization Server's endpoints (client-credentials tokens
 * for partners), and the API, stateless, accepting our JWTs and API keys. Every endpoint
 * not listed as public needs an authenticated caller; finer checks are on the endpoints
 * and service methods.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({ IdentitySettings.class, RateLimitSettings.class, TravlrSecretSettings.class })
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, SecurityProblems problems) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, Customizer.withDefaults())
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// wrong client credentials still get OAuth2's {"error": "invalid_client"};
			// this is for none at all
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, TokenAuthorities authorities, SecurityProblems problems, ApiKeys apiKeys,
			RateLimiter limiter, RateLimitOverrides overrides, RateLimitSettings rateLimits, JwtDecoder jwtDecoder,
			TravlrSecretSettings travlr, TokenDenyList denyList) throws Exception {
		ActorFromAuthenticationFilter actorFilter = new ActorFromAuthenticationFilter();
		http.csrf(csrf -> csrf.disable())
			.cors(Customizer.withDefaults())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			// a stateless API has no session to end or request to resume: signing out is
			// /api/v1/auth/logout (deny-list), and /logout belongs to the pages' chain
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/", "/api/trips", "/api/trips/*")
				.permitAll()
				// read-only resources: any other method is answered 405 by the
				// controller, not 401
				.requestMatchers("/api/v1/trips", "/api/v1/trips/*")
				.permitAll()
				// published catalog and reviews: anyone reads them; writes still need a
				// signed-in caller
				.requestMatchers(HttpMethod.GET, "/api/v1/stays", "/api/v1/stays/*", "/api/v1/reviews",
						"/api/v1/reviews/*", "/api/v1/search")
				.permitAll()
				.requestMatchers("/api/v1/admin/trips", "/api/v1/admin/trips/**", "/api/v1/admin/stays",
						"/api/v1/admin/stays/**")
				.hasAuthority("catalog:write")
				.requestMatchers("/api/v1/admin/bookings", "/api/v1/admin/bookings/**", "/api/v1/admin/payments",
						"/api/v1/admin/payments/**", "/api/v1/admin/passengers")
				.hasAuthority("booking:all")
				.requestMatchers("/api/v1/admin/backups", "/api/v1/admin/backups/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/admin/reports/**", "/api/v1/admin/maintenance")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/login", "/api/register", "/api/v1/auth/register",
						"/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/password",
						"/api/v1/auth/passkeys/options", "/api/v1/auth/passkeys")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
						"/.well-known/jwks.json", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
						"/swagger-ui/**", "/error")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/trips")
				.hasAuthority("catalog:write")
				.requestMatchers(HttpMethod.PUT, "/api/trips/*")
				.hasAuthority("catalog:write")
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resource -> resource
				.authenticationManagerResolver(TravlrTokens.managers(jwtDecoder, travlr, denyList, authorities))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(new ApiKeyFilter(apiKeys, problems), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(actorFilter, AnonymousAuthenticationFilter.class)
			.addFilterAfter(new RateLimitFilter(limiter, overrides, rateLimits, problems),
					ActorFromAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * No observation of Spring Security's filter chains, authentications or
	 * authorizations: they wrapped each of the chain's filters in an observation with a
	 * counter per filter and a span, about a fifth of the CPU of a trivial request (issue
	 * 19), and told an operator nothing that {@code http.server.requests} (its status and
	 * outcome tags, kept) and the security log do not. Tracing keeps the request's server
	 * span, so logs still carry a trace id.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Signs tokens: only the current key, so Spring Authorization Server's encoder never
	 * has to choose.
	 */
	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return (selector, context) -> selector.select(new JWKSet(keys.signingKey()));
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, TokenDenyList denyList) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource((JWKSource<SecurityContext>) (selector, context) -> selector.select(keys.publicKeys()))
			.build();
		OAuth2TokenValidator<Jwt> validator = validator(denyList);
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(decoder, validator, 10_000);
	}

	/**
	 * Unexpired, and not revoked by a sign-out: the same for every token the service
	 * accepts.
	 */
	static OAuth2TokenValidator<Jwt> validator(TokenDenyList denyList) {
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), jwt -> notRevoked(jwt, denyList));
	}

	private static OAuth2TokenValidatorResult notRevoked(Jwt jwt, TokenDenyList denyList) {
		if (jwt.getId() != null && denyList.isDenied(jwt.getId())) {
			return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Token has been revoked", null));
		}
		return OAuth2TokenValidatorResult.success();
	}

}
