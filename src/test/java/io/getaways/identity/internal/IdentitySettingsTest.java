package io.getaways.identity.internal;

import java.time.Duration;

import io.getaways.platform.config.TestSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code getaways.identity.*} and {@code getaways.rate-limit.*} as startup binds them.
 */
class IdentitySettingsTest {

	@Test
	void unsetSettingsTakeTheirDefaults() {
		IdentitySettings settings = TestSettings.bind(IdentitySettings.class);
		assertThat(settings.argon2()).isEqualTo(new IdentitySettings.Argon2(19_456, 2, 1));
		assertThat(settings.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
		assertThat(settings.travlrTokenTtl()).isEqualTo(Duration.ofHours(1));
		assertThat(settings.refreshTokenTtl()).isEqualTo(Duration.ofDays(14));
		assertThat(settings.issuer()).isEqualTo("getaways");
		assertThat(settings.keyEncryptionSecret()).isNull();
		assertThat(settings.signIn())
			.isEqualTo(new IdentitySettings.SignIn(3, 5, Duration.ofSeconds(2), Duration.ofMinutes(15), 20));
		assertThat(settings.longestTokenTtl()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aPartlyGivenNestedSettingTakesTheDefaultsOfTheRest() {
		IdentitySettings settings = TestSettings.bind(IdentitySettings.class,
				"getaways.identity.argon2.memory-kib=8192", "getaways.identity.sign-in.lock-after=9");
		assertThat(settings.argon2()).isEqualTo(new IdentitySettings.Argon2(8192, 2, 1));
		assertThat(settings.signIn().lockAfter()).isEqualTo(9);
		assertThat(settings.signIn().slowDownAfter()).isEqualTo(3);
	}

	@Test
	void badValuesAreRejectedInOneLineEach() {
		assertThat(TestSettings.rejections(IdentitySettings.class, "getaways.identity.argon2.memory-kib=4096",
				"getaways.identity.argon2.parallelism=0", "getaways.identity.issuer="))
			.containsExactlyInAnyOrder("getaways.identity.argon2.memory-kib must be at least 8192 but was 4096",
					"getaways.identity.argon2.parallelism must be at least 1 but was 0",
					"getaways.identity.issuer must not be blank but was \"\"");
		assertThat(TestSettings.rejections(IdentitySettings.class, "getaways.identity.sign-in.lock-after=2"))
			.containsExactly("getaways.identity.sign-in.slow-down-after must not exceed lock-after (2) but was 3");
	}

	@Test
	void rateLimitsDefaultPerKindOfCallerAndRejectAnEmptyBucket() {
		RateLimitSettings settings = TestSettings.bind(RateLimitSettings.class,
				"getaways.rate-limit.anonymous.capacity=50");
		assertThat(settings.enabled()).isTrue();
		assertThat(settings.anonymous()).isEqualTo(new RateLimitSettings.Anonymous(50, 120));
		assertThat(settings.authenticated()).isEqualTo(new RateLimitSettings.Authenticated(600, 600));
		assertThat(TestSettings.rejections(RateLimitSettings.class,
				"getaways.rate-limit.authenticated.refill-per-minute=0"))
			.containsExactly("getaways.rate-limit.authenticated.refill-per-minute must be at least 1 but was 0");
	}

}
