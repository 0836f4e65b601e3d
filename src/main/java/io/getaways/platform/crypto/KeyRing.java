package io.getaways.platform.crypto;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The key-encryption keys this process holds and which of them wraps new data keys. A
 * rotation adds a key and makes it active while the process runs; the others stay, so
 * every data key wrapped before stays readable.
 */
@Component
class KeyRing {

	private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();

	private final SecretKey indexKey;

	private volatile String activeId;

	KeyRing(CryptoSettings settings) {
		settings.keys().forEach((id, value) -> keys.put(id, aesKey(value)));
		this.activeId = settings.configured() ? settings.activeKey() : null;
		this.indexKey = settings.configured()
				? new SecretKeySpec(Base64.getDecoder().decode(settings.indexKey().trim()), "HmacSHA256") : null;
	}

	static SecretKey aesKey(String base64) {
		return new SecretKeySpec(Base64.getDecoder().decode(base64.trim()), "AES");
	}

	/** The active key's id; empty when no key is configured. */
	Optional<String> activeId() {
		return Optional.ofNullable(activeId);
	}

	Optional<SecretKey> key(String id) {
		return Optional.ofNullable(keys.get(id));
	}

	SecretKey indexKey() {
		return indexKey;
	}

	Set<String> ids() {
		return new TreeSet<>(keys.keySet());
	}

	/** Adds a key (or confirms the same one) and makes it the one new data keys use. */
	synchronized void activate(String id, SecretKey key) {
		SecretKey known = keys.putIfAbsent(id, key);
		if (known != null && !java.security.MessageDigest.isEqual(known.getEncoded(), key.getEncoded())) {
			throw new IllegalStateException("Encryption: key id " + id + " is already held with other bytes");
		}
		activeId = id;
	}

}
