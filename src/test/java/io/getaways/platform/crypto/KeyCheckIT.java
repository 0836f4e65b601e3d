package io.getaways.platform.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.SecondInstance;
import io.getaways.support.TestStores;
import io.getaways.support.CommandLineRuns;
import io.getaways.support.CommandLineRuns.Result;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The start-up check against the stored data keys, run as the service runs it at start: a
 * key that stored data needs but the configuration lacks, or holds with other bytes,
 * stops the start with the key id; and {@code keys status} says the same to an operator.
 */
@IntegrationTest
class KeyCheckIT {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	KeyRing ring;

	@Autowired
	DataKeyStore store;

	@Autowired
	Envelopes envelopes;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Environment environment;

	@Test
	void aMissingOrWrongKeyStopsTheStartNamingTheKeyIdAndTheRightOnesPass() {
		UUID written = newDataKey();
		String active = ring.activeId().orElseThrow();
		Map<String, Long> stored = ActorContext.callAs(Actor.job("key-check-test"),
				() -> transactions.execute(status -> store.countByKey()));
		assertThat(stored).containsKey(active);

		Map<String, String> wrongBytes = new TreeMap<>();
		stored.keySet().forEach(id -> wrongBytes.put(id, randomKey()));
		KeyRing wrong = new KeyRing(new CryptoSettings(wrongBytes, active, randomKey(), false));
		assertThatThrownBy(() -> check(wrong)).isInstanceOf(KeyNotAvailableException.class)
			.hasMessageStartingWith("Encryption keys do not match the stored data: key ")
			.hasMessageContaining("key " + active + " is configured but does not unwrap data key");

		KeyRing missing = new KeyRing(new CryptoSettings(Map.of("other", randomKey()), "other", randomKey(), false));
		assertThatThrownBy(() -> check(missing)).isInstanceOf(KeyNotAvailableException.class)
			.hasMessageContaining("key " + active + " wraps ")
			.hasMessageContaining("getaways.crypto.keys." + active + " is not configured");

		check(ring);
		UUID read = ActorContext.callAs(Actor.job("key-check-test"),
				() -> transactions.execute(status -> envelopes.dataKey(written).id()));
		assertThat(read).isEqualTo(written);
	}

	@Test
	void aServiceStartedWithoutTheKeyItsDataNeedsStopsNamingIt() {
		newDataKey();
		String active = ring.activeId().orElseThrow();
		assertThatThrownBy(() -> SecondInstance.withKeys(environment,
				Map.of("getaways.crypto.active-key", "zz", "getaways.crypto.keys.zz", randomKey(),
						"getaways.crypto.index-key", randomKey())))
			.satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
				.isInstanceOf(KeyNotAvailableException.class)
				.hasMessageContaining("key " + active + " wraps ")
				.hasMessageContaining("getaways.crypto.keys." + active + " is not configured"));
	}

	@Test
	void keysStatusCountsDataKeysPerKeyAndNamesOnesNotConfigured() {
		assumeFalse(TestStores.external(), "the external-stores profile pins the keys of every application");
		newDataKey();
		String active = ring.activeId().orElseThrow();
		Result status = keys("status");
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.out()).containsPattern(active + " \\(active\\): [1-9]\\d* data keys")
			.contains("Keys: every stored data key has its key configured; active key " + active);

		Result lacking = keys("status", "--getaways.crypto.active-key=zz", "--getaways.crypto.keys.zz=" + randomKey(),
				"--getaways.crypto.index-key=" + randomKey());
		assertThat(lacking.exitCode()).as(lacking.toString()).isEqualTo(1);
		assertThat(lacking.out()).contains(active + ": ")
			.contains("NOT CONFIGURED")
			.contains("zz (active): 0 data keys");
	}

	private UUID newDataKey() {
		return ActorContext.callAs(new Actor(Actor.Role.ADMIN, null, "key-check-test", null, null, null),
				() -> transactions.execute(status -> envelopes.newDataKey().id()));
	}

	private void check(KeyRing keys) {
		new KeyCheck(keys, store, new Envelopes(keys, store), transactions).afterSingletonsInstantiated();
	}

	private Result keys(String... args) {
		return CommandLineRuns.run(Stream
			.concat(Stream.of("keys"),
					Stream.concat(Stream.of(args),
							Stream.of("--data-dir", environment.getRequiredProperty("getaways.data-dir"))))
			.toArray(String[]::new));
	}

	static String randomKey() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
