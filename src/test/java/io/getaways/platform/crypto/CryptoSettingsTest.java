package io.getaways.platform.crypto;

import java.util.Base64;

import io.getaways.platform.config.TestSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crypto settings are checked at startup, naming the property and never printing a
 * key.
 */
class CryptoSettingsTest {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String SHORT = Base64.getEncoder().encodeToString(new byte[16]);

	@Test
	void noKeysAtAllIsValidAndLeavesEncryptionUnconfigured() {
		assertThat(TestSettings.rejections(CryptoSettings.class)).isEmpty();
		assertThat(TestSettings.bind(CryptoSettings.class).configured()).isFalse();
	}

	@Test
	void configuredKeysBindAndTheActiveOneIsKnown() {
		CryptoSettings settings = TestSettings.bind(CryptoSettings.class, "getaways.crypto.keys.k1=" + KEY,
				"getaways.crypto.keys.k2=" + KEY, "getaways.crypto.active-key=k2", "getaways.crypto.index-key=" + KEY);
		assertThat(settings.configured()).isTrue();
		assertThat(settings.keys()).containsOnlyKeys("k1", "k2");
		assertThat(new KeyRing(settings).activeId()).hasValue("k2");
	}

	@Test
	void contradictionsAreRejectedNamingThePropertyWithoutTheKey() {
		assertThat(String.join("\n",
				TestSettings.rejections(CryptoSettings.class, "getaways.crypto.keys.k1=" + KEY,
						"getaways.crypto.active-key=k9", "getaways.crypto.index-key=" + KEY)))
			.contains("getaways.crypto.active-key")
			.contains("must name a key of getaways.crypto.keys");
		assertThat(String.join("\n",
				TestSettings.rejections(CryptoSettings.class, "getaways.crypto.keys.k1=" + SHORT,
						"getaways.crypto.active-key=k1", "getaways.crypto.index-key=" + KEY)))
			.contains("must be the base64 of 32 random bytes")
			.doesNotContain(SHORT);
		assertThat(String.join("\n", TestSettings.rejections(CryptoSettings.class, "getaways.crypto.keys.k1=" + KEY,
				"getaways.crypto.active-key=k1")))
			.contains("getaways.crypto.index-key");
		assertThat(String.join("\n", TestSettings.rejections(CryptoSettings.class, "getaways.crypto.keys.k1=" + KEY)))
			.contains("getaways.crypto.active-key");
	}

}
