package io.getaways.identity.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The relying party, made on first use. With no allowed origins configured, the one
 * allowed origin is this server on localhost at the port it actually listens on, which is
 * known only once the server has started (a random port in tests, 8080 in development).
 */
class PasskeyRelyingParty {

	private final PasskeyUsers users;

	private final PasskeyCredentials credentials;

	private final PasskeySettings settings;

	private final Environment environment;

	private volatile WebAuthnRelyingPartyOperations operations;

	PasskeyRelyingParty(PasskeyUsers users, PasskeyCredentials credentials, PasskeySettings settings,
			Environment environment) {
		this.users = users;
		this.credentials = credentials;
		this.settings = settings;
		this.environment = environment;
	}

	WebAuthnRelyingPartyOperations operations() {
		WebAuthnRelyingPartyOperations made = operations;
		if (made == null) {
			synchronized (this) {
				made = operations;
				if (made == null) {
					made = make();
					operations = made;
				}
			}
		}
		return made;
	}

	Set<String> allowedOrigins() {
		Set<String> origins = new LinkedHashSet<>(settings.allowedOrigins());
		if (origins.isEmpty()) {
			String port = environment.getProperty("local.server.port");
			if (port == null) {
				throw new IllegalStateException("Passkeys need getaways.identity.passkeys.allowed-origins "
						+ "when the service serves no pages itself");
			}
			origins.add("http://localhost:" + port);
		}
		return origins;
	}

	private WebAuthnRelyingPartyOperations make() {
		PublicKeyCredentialRpEntity rp = PublicKeyCredentialRpEntity.builder()
			.id(settings.rpId())
			.name(settings.rpName())
			.build();
		Webauthn4JRelyingPartyOperations made = new Webauthn4JRelyingPartyOperations(users, credentials, rp,
				allowedOrigins());
		// the browser is told to give up when the challenge expires here
		made.setCustomizeCreationOptions(options -> options.timeout(settings.challengeTtl()));
		made.setCustomizeRequestOptions(options -> options.timeout(settings.challengeTtl()));
		return made;
	}

}
