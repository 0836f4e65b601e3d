package io.getaways.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption: a new random AES-256 data key per owner, stored wrapped by the
 * active key-encryption key in the caller's transaction; a stored one unwrapped by the
 * key its row names; and the blind index of a value. Data keys are not cached: unwrapping
 * one is a single AES-GCM operation on 32 bytes.
 */
@Component
@EnableConfigurationProperties(CryptoSettings.class)
public class Envelopes {

	private final KeyRing ring;

	private final DataKeyStore store;

	Envelopes(KeyRing ring, DataKeyStore store) {
		this.ring = ring;
		this.store = store;
	}

	/**
	 * A new data key, wrapped under the active key-encryption key and stored in the
	 * current transaction; checked to unwrap again before it is stored.
	 */
	public DataKey newDataKey() {
		String keyId = ring.activeId()
			.orElseThrow(() -> new KeyNotAvailableException(null,
					"Encryption keys are not configured (getaways.crypto.active-key and getaways.crypto.keys.<id>), "
							+ "so personal details cannot be stored"));
		UUID id = UUID.randomUUID();
		SecretKey plain = newAesKey();
		byte[] wrapped = wrap(id, keyId, plain);
		if (!MessageDigest.isEqual(plain.getEncoded(),
				unwrap(new DataKeyStore.Wrapped(id, keyId, wrapped)).getEncoded())) {
			throw new IllegalStateException("Encryption: data key " + id + " did not unwrap to itself under " + keyId);
		}
		store.insert(new DataKeyStore.Wrapped(id, keyId, wrapped));
		return new DataKey(id, plain);
	}

	/** A stored data key, unwrapped; visible to the current transaction's role. */
	public DataKey dataKey(UUID id) {
		DataKeyStore.Wrapped wrapped = store.find(id)
			.orElseThrow(() -> new IllegalStateException("Encryption: no data key " + id));
		return new DataKey(id, unwrap(wrapped));
	}

	/**
	 * The keyed HMAC-SHA256 of an already normalized value, for exact lookup without
	 * decrypting. The purpose is part of the input, so the same value indexed for two
	 * purposes gives two unrelated indexes.
	 */
	public byte[] blindIndex(String purpose, String normalizedValue) {
		SecretKey key = ring.indexKey();
		if (key == null) {
			throw new KeyNotAvailableException(null, "Encryption: getaways.crypto.index-key is not configured");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal((purpose + "\u0000" + normalizedValue).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("Encryption: HMAC-SHA256 is not available", ex);
		}
	}

	byte[] wrap(UUID dataKeyId, String keyId, SecretKey plain) {
		SecretKey kek = ring.key(keyId)
			.orElseThrow(() -> new KeyNotAvailableException(keyId, "Encryption key " + keyId + " is not configured"));
		return Gcm.seal(kek, plain.getEncoded(), context(dataKeyId, keyId));
	}

	SecretKey unwrap(DataKeyStore.Wrapped wrapped) {
		String keyId = wrapped.keyId();
		SecretKey kek = ring.key(keyId)
			.orElseThrow(() -> new KeyNotAvailableException(keyId, "Encryption key " + keyId
					+ " is needed to read data key " + wrapped.id() + ": set getaways.crypto.keys." + keyId));
		try {
			return new SecretKeySpec(Gcm.open(kek, wrapped.wrappedKey(), context(wrapped.id(), keyId)), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new KeyNotAvailableException(keyId, "Encryption key " + keyId + " does not unwrap data key "
					+ wrapped.id() + ": getaways.crypto.keys." + keyId + " is not the key the data was written with");
		}
	}

	private static String context(UUID dataKeyId, String keyId) {
		return "data-key:" + dataKeyId + ":" + keyId;
	}

	private static SecretKey newAesKey() {
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(256);
			return generator.generateKey();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Encryption: AES is not available", ex);
		}
	}

}
