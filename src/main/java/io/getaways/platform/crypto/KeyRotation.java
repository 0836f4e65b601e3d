package io.getaways.platform.crypto;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.embedded.EmbeddedStores;
import io.getaways.platform.embedded.EmbeddedStoresEnvironmentPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotation of the key-encryption key: the new key becomes active first, so every data key
 * written from then on is under it, then every older data key is re-wrapped under it in
 * batches, each batch its own transaction. A data key only ever changes from one wrapping
 * of the same bytes to another, by a conditional update, and the old key stays held until
 * the end: a reader or writer running meanwhile always reads a matching pair. Writers of
 * another process still on the old active key are caught by further passes.
 */
@Component
class KeyRotation {

	static final int MAX_PASSES = 5;

	private final KeyRing ring;

	private final DataKeyStore store;

	private final Envelopes envelopes;

	private final TransactionTemplate transactions;

	private final CryptoSettings settings;

	private final Environment environment;

	KeyRotation(KeyRing ring, DataKeyStore store, Envelopes envelopes, TransactionTemplate transactions,
			CryptoSettings settings, Environment environment) {
		this.ring = ring;
		this.store = store;
		this.envelopes = envelopes;
		this.transactions = transactions;
		this.settings = settings;
		this.environment = environment;
	}

	/**
	 * The key to rotate to: in embedded mode a new one generated in the data directory;
	 * otherwise the configured {@code getaways.crypto.active-key}, which the operator has
	 * just added.
	 */
	String introduceKey() {
		if (settings.generated()) {
			Path dataDir = Path.of(environment.getProperty(EmbeddedStoresEnvironmentPostProcessor.DATA_DIR, "./data"))
				.toAbsolutePath()
				.normalize();
			EmbeddedStores stores = EmbeddedStores.running(dataDir);
			if (stores == null) {
				throw new IllegalStateException("Encryption: no embedded stores run over " + dataDir);
			}
			Map.Entry<String, String> key = stores.newEncryptionKey();
			ring.activate(key.getKey(), KeyRing.aesKey(key.getValue()));
			return key.getKey();
		}
		return ring.activeId()
			.orElseThrow(() -> new KeyNotAvailableException(null,
					"Encryption keys are not configured: set getaways.crypto.keys.<id> and getaways.crypto.active-key"));
	}

	/**
	 * Re-wraps every data key not under the given key, reporting progress after each
	 * batch; the number re-wrapped.
	 */
	long rewrapAll(String target, int batchSize, Consumer<String> progress) {
		long rewrapped = 0;
		for (int pass = 1; pass <= MAX_PASSES; pass++) {
			long todo = remaining(target);
			if (todo == 0) {
				break;
			}
			long done = 0;
			UUID after = new UUID(0, 0);
			while (true) {
				UUID from = after;
				List<DataKeyStore.Wrapped> batch = inTransaction(() -> store.notUnder(target, from, batchSize));
				if (batch.isEmpty()) {
					break;
				}
				done += inTransaction(() -> rewrap(batch, target));
				after = batch.get(batch.size() - 1).id();
				progress.accept(
						"Re-wrapped " + done + " of " + todo + " data keys under " + target + " (pass " + pass + ")");
			}
			rewrapped += done;
		}
		return rewrapped;
	}

	/** Data keys not under the key, which a finished rotation leaves at zero. */
	long remaining(String target) {
		return inTransaction(() -> store.countByKey()
			.entrySet()
			.stream()
			.filter(count -> !count.getKey().equals(target))
			.mapToLong(Map.Entry::getValue)
			.sum());
	}

	Map<String, Long> countByKey() {
		return inTransaction(store::countByKey);
	}

	private long rewrap(List<DataKeyStore.Wrapped> batch, String target) {
		long done = 0;
		for (DataKeyStore.Wrapped old : batch) {
			byte[] wrapped = envelopes.wrap(old.id(), target, envelopes.unwrap(old));
			if (!java.security.MessageDigest.isEqual(envelopes.unwrap(old).getEncoded(),
					envelopes.unwrap(new DataKeyStore.Wrapped(old.id(), target, wrapped)).getEncoded())) {
				throw new IllegalStateException("Encryption: data key " + old.id() + " did not re-wrap to itself");
			}
			if (store.rewrap(old, target, wrapped)) {
				done++;
			}
		}
		return done;
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return ActorContext.callAs(Actor.job("keys-rotate"), () -> transactions.execute(status -> work.get()));
	}

}
