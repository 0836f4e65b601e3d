package io.getaways.identity.internal;

import java.time.Duration;
import java.util.List;

import io.getaways.platform.config.TestSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code getaways.identity.passkeys.*} as startup binds and checks them. */
class PasskeySettingsTest {

	@Test
	void unsetSettingsServeLocalhost() {
		PasskeySettings settings = TestSettings.bind(PasskeySettings.class);
		assertThat(settings.rpId()).isEqualTo("localhost");
		assertThat(settings.rpName()).isEqualTo("Getaways");
		// none configured: this server's own origin on localhost, once its port is known
		assertThat(settings.allowedOrigins()).isEmpty();
		assertThat(settings.challengeTtl()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void originsOnTheRelyingPartyOrUnderItAreAccepted() {
		PasskeySettings settings = TestSettings.bind(PasskeySettings.class,
				"getaways.identity.passkeys.rp-id=getaways.example",
				"getaways.identity.passkeys.allowed-origins=https://getaways.example,https://www.getaways.example:8443");
		assertThat(settings.allowedOrigins()).containsExactly("https://getaways.example",
				"https://www.getaways.example:8443");
		assertThat(TestSettings.rejections(PasskeySettings.class)).isEmpty();
	}

	@Test
	void badRelyingPartiesAndOriginsStopTheStart() {
		assertThat(TestSettings.rejections(PasskeySettings.class, "getaways.identity.passkeys.rp-id=https://x.example"))
			.hasSize(2)
			.anyMatch(line -> line.startsWith("getaways.identity.passkeys.rp-id must be a lower-case host name"));
		for (String origin : List.of("http://getaways.example", "https://evil.example", "https://getaways.example/app",
				"getaways.example", "https://notgetaways.example")) {
			assertThat(
					TestSettings.rejections(PasskeySettings.class, "getaways.identity.passkeys.rp-id=getaways.example",
							"getaways.identity.passkeys.allowed-origins=" + origin))
				.as(origin)
				.singleElement()
				.asString()
				.startsWith("getaways.identity.passkeys.allowed-origins must each be https://host[:port]");
		}
		assertThat(TestSettings.rejections(PasskeySettings.class, "getaways.identity.passkeys.rp-id=getaways.example"))
			.singleElement()
			.asString()
			.startsWith(
					"getaways.identity.passkeys.allowed-origins must name the origins of the pages when rp-id is not "
							+ "localhost");
		assertThat(TestSettings.rejections(PasskeySettings.class, "getaways.identity.passkeys.challenge-ttl=1h"))
			.singleElement()
			.asString()
			.startsWith("getaways.identity.passkeys.challenge-ttl must be between 10 seconds and 10 minutes");
		assertThat(TestSettings.rejections(PasskeySettings.class, "getaways.identity.passkeys.rp-name="))
			.containsExactly("getaways.identity.passkeys.rp-name must not be blank but was \"\"");
	}

}
