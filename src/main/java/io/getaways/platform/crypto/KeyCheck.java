package io.getaways.platform.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, after migrations: every key id the stored data keys name must be
 * configured, and must unwrap a sample of them. Otherwise the service refuses to start,
 * naming the key ids it needs, rather than failing on a traveller's request later.
 */
@Component
class KeyCheck implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(KeyCheck.class);

	static final int SAMPLE = 3;

	private final KeyRing ring;

	private final DataKeyStore store;

	private final Envelopes envelopes;

	private final TransactionTemplate transactions;

	KeyCheck(KeyRing ring, DataKeyStore store, Envelopes envelopes, TransactionTemplate transactions) {
		this.ring = ring;
		this.store = store;
		this.envelopes = envelopes;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = ActorContext.callAs(Actor.job("key-check"),
				() -> transactions.execute(status -> check()));
		if (!problems.isEmpty()) {
			throw new KeyNotAvailableException(problems.get(0).split(" ", 3)[1],
					"Encryption keys do not match the stored data: " + String.join("; ", problems));
		}
	}

	/** Each problem starts "key <id> ...". */
	List<String> check() {
		List<String> problems = new ArrayList<>();
		Map<String, Long> counts = store.countByKey();
		counts.forEach((keyId, count) -> {
			if (ring.key(keyId).isEmpty()) {
				problems.add("key " + keyId + " wraps " + count + " data key(s) but getaways.crypto.keys." + keyId
						+ " is not configured");
				return;
			}
			for (DataKeyStore.Wrapped sample : store.sample(keyId, SAMPLE)) {
				try {
					envelopes.unwrap(sample);
				}
				catch (KeyNotAvailableException ex) {
					problems.add("key " + keyId + " is configured but does not unwrap data key " + sample.id()
							+ ": it is not the key the data was written with");
					return;
				}
			}
		});
		if (problems.isEmpty() && !counts.isEmpty()) {
			log.info("Encryption: keys {} read the stored data keys {}; new data keys use {}", ring.ids(), counts,
					ring.activeId().orElse("none"));
		}
		return problems;
	}

}
