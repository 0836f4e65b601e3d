package io.getaways.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Spring Security's WebAuthn relying party, on our stores. Its ceremonies are driven by
 * the JSON endpoints (PasskeysController) and the pages' endpoints rather than its own
 * session-based filters, since the API keeps no HTTP session.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasskeySettings.class)
class PasskeyConfiguration {

	@Bean
	PasskeyRelyingParty relyingParty(PasskeyUsers users, PasskeyCredentials credentials, PasskeySettings settings,
			Environment environment) {
		return new PasskeyRelyingParty(users, credentials, settings, environment);
	}

}
