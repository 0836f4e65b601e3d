package io.getaways.identity.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.getaways.platform.config.NonBlank;
import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The WebAuthn relying party: what authenticators bind passkeys to.
 *
 * @param rpId the relying party id, a host name that every allowed origin is on or under
 * (changing it later orphans every passkey made for the old one)
 * @param rpName the name authenticators show beside the passkey
 * @param allowedOrigins the origins (scheme, host, port) whose pages may run the
 * ceremonies; https, or http on localhost; none means this server itself on localhost, at
 * the port it listens on (development and tests), and then the rp id must be localhost
 * @param challengeTtl how long a challenge stays usable (once)
 */
@ConfigurationProperties("getaways.identity.passkeys")
@Validated
record PasskeySettings(@DefaultValue("localhost") @NonBlank String rpId,
		@DefaultValue("Getaways") @NonBlank String rpName, @DefaultValue List<String> allowedOrigins,
		@DefaultValue("2m") Duration challengeTtl) implements SettingsRules {

	@Override
	public void checkRules(Rules rules) {
		rules.require(rpId == null || rpId.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?"), "rpId",
				"must be a lower-case host name without scheme or port");
		rules.require(allowedOrigins == null || !allowedOrigins.isEmpty() || "localhost".equals(rpId), "allowedOrigins",
				"must name the origins of the pages when rp-id is not localhost, rp-id", rpId);
		if (allowedOrigins != null && rpId != null) {
			for (String origin : allowedOrigins) {
				rules.require(validOrigin(origin), "allowedOrigins",
						"must each be https://host[:port] (http only on localhost) on the rp-id's host or under it, rp-id",
						rpId);
			}
		}
		rules.require(
				challengeTtl != null && challengeTtl.compareTo(Duration.ofSeconds(10)) >= 0
						&& challengeTtl.compareTo(Duration.ofMinutes(10)) <= 0,
				"challengeTtl", "must be between 10 seconds and 10 minutes");
	}

	private boolean validOrigin(String origin) {
		URI uri;
		try {
			uri = URI.create(origin);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		boolean originOnly = (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null
				&& uri.getFragment() == null && uri.getUserInfo() == null;
		boolean secure = "https".equals(uri.getScheme())
				|| ("http".equals(uri.getScheme()) && ("localhost".equals(host) || host.endsWith(".localhost")));
		return originOnly && secure && (host.equals(rpId) || host.endsWith("." + rpId));
	}

}
