package io.getaways.identity.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.getaways.platform.InvalidParameterException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Partners obtain access tokens with the OAuth2 client-credentials grant from Spring
 * Authorization Server, whose clients and authorizations live in the {@code system}
 * schema. A client acts for the partner user that owns it.
 */
@Configuration(proxyBeanMethods = false)
class PartnerClients {

	static final String OWNER_SETTING = "getaways.owner-user-id";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Bean
	RegisteredClientRepository registeredClients(JdbcTemplate jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}

	@Bean
	OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		return AuthorizationServerSettings.builder().build();
	}

	/**
	 * Client tokens name the owning partner user, so row-level security and audit see a
	 * user.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> ownerClaim() {
		return context -> {
			Object owner = context.getRegisteredClient().getClientSettings().getSetting(OWNER_SETTING);
			if (owner != null) {
				context.getClaims().claim("user_id", owner.toString());
			}
		};
	}

	/**
	 * Registers a client for a partner; the secret is returned once and stored only as a
	 * hash.
	 */
	static Registered register(RegisteredClientRepository clients, UUID owner, String name, Set<String> scopes,
			Duration tokenTtl) {
		if (scopes.isEmpty()) {
			throw new InvalidParameterException("scopes", "must name at least one permission");
		}
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		String clientId = "partner-" + UUID.randomUUID();
		byte[] secretBytes = new byte[32];
		RANDOM.nextBytes(secretBytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
		RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientName(name)
			.clientSecret(encoder.encode(secret))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(all -> all.addAll(scopes))
			.clientSettings(ClientSettings.builder().setting(OWNER_SETTING, owner.toString()).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build())
			.build();
		clients.save(client);
		return new Registered(clientId, secret, scopes);
	}

	record Registered(String clientId, String clientSecret, Set<String> scopes) {
	}

}
