package io.getaways.platform.crypto;

import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code getaways.crypto.*}: the key-encryption keys by id (base64 of 32 bytes each), the
 * one new data keys are wrapped with, and the key of the blind index. Embedded mode
 * generates all three under the data directory unless an active key is configured
 * ({@code generated} then says so, and {@code keys rotate} generates the next key there).
 * With no key at all the service runs, and writing a passenger is refused.
 */
@ConfigurationProperties("getaways.crypto")
@Validated
public record CryptoSettings(@DefaultValue Map<String, String> keys, String activeKey, String indexKey,
		@DefaultValue("false") boolean generated) implements SettingsRules {

	public CryptoSettings {
		keys = new TreeMap<>(keys);
	}

	boolean configured() {
		return activeKey != null && !activeKey.isBlank();
	}

	@Override
	public void checkRules(Rules rules) {
		keys.forEach((id, value) -> rules.require(id.matches("[A-Za-z0-9_-]{1,40}") && isKey(value), "keys[" + id + "]",
				"must be the base64 of 32 random bytes under an id of letters, digits, '-' or '_'"));
		if (configured()) {
			rules.require(keys.containsKey(activeKey), "activeKey", "must name a key of getaways.crypto.keys",
					keys.keySet());
			rules.require(isKey(indexKey), "indexKey", "must be the base64 of 32 random bytes");
		}
		else {
			rules.require(keys.isEmpty(), "activeKey", "must name one of the configured keys", keys.keySet());
		}
	}

	static boolean isKey(String value) {
		try {
			return value != null && Base64.getDecoder().decode(value.trim()).length == 32;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
