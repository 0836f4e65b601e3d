package io.getaways.identity.internal;

import java.text.ParseException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign access tokens, kept in {@code system.signing_keys}. The newest
 * key signs; a key retired by rotation keeps verifying until every token it signed has
 * expired. Generated on first start; reloaded every minute so that a rotation by one
 * instance reaches all.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KeyCipher cipher;

	private final IdentitySettings settings;

	private volatile Loaded loaded;

	SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, KeyCipher cipher, IdentitySettings settings) {
		this.jdbc = jdbc;
		// a transaction keeps the database role it began with, and an admin's request may
		// not touch the keys
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.cipher = cipher;
		this.settings = settings;
		if (reload().keys().isEmpty()) {
			rotate();
		}
	}

	RSAKey signingKey() {
		return loaded.keys().get(0);
	}

	/** Public halves of every key that may still have signed a live token. */
	JWKSet publicKeys() {
		return new JWKSet(loaded.keys().stream().map(key -> (JWK) key.toPublicJWK()).toList());
	}

	/** Adds a new signing key and retires the others; returns the new key id. */
	String rotate() {
		RSAKey key = generate();
		asSystem(() -> transactions.executeWithoutResult(status -> {
			jdbc.sql("UPDATE system.signing_keys SET retired_at = now() WHERE retired_at IS NULL").update();
			jdbc.sql("""
					INSERT INTO system.signing_keys (kid, algorithm, public_key, private_key)
					VALUES (:kid, 'RS256', :publicKey, :privateKey)""")
				.param("kid", key.getKeyID())
				.param("publicKey", key.toPublicJWK().toJSONString())
				.param("privateKey", cipher.seal(key.toJSONString()))
				.update();
		}));
		log.info("Identity: signing key {} now signs new tokens", key.getKeyID());
		reload();
		return key.getKeyID();
	}

	@Scheduled(fixedDelayString = "${getaways.identity.key-reload-interval:60s}")
	void reloadPeriodically() {
		reload();
	}

	private Loaded reload() {
		Instant oldestLive = Instant.now().minus(settings.longestTokenTtl());
		List<StoredKey> stored = asSystem(() -> transactions.execute(status -> jdbc.sql("""
				SELECT kid, private_key, created_at FROM system.signing_keys
				WHERE retired_at IS NULL OR retired_at > :oldestLive
				ORDER BY created_at DESC, kid""")
			.param("oldestLive", java.sql.Timestamp.from(oldestLive))
			.query((row, n) -> new StoredKey(row.getString("kid"), row.getString("private_key"),
					row.getTimestamp("created_at").toInstant()))
			.list()));
		List<RSAKey> keys = stored.stream()
			.sorted(Comparator.comparing(StoredKey::createdAt).reversed())
			.map(this::parse)
			.toList();
		loaded = new Loaded(keys);
		return loaded;
	}

	private RSAKey parse(StoredKey stored) {
		try {
			return RSAKey.parse(cipher.open(stored.privateKey()));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Identity: signing key " + stored.kid() + " is unreadable", ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyID(UUID.randomUUID().toString())
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Identity: cannot generate an RSA signing key", ex);
		}
	}

	private static <T> T asSystem(java.util.function.Supplier<T> work) {
		return ActorContext.callAs(Actor.job("signing-keys").as(Actor.Role.SYSTEM), work);
	}

	private static void asSystem(Runnable work) {
		ActorContext.runAs(Actor.job("signing-keys").as(Actor.Role.SYSTEM), work);
	}

	private record StoredKey(String kid, String privateKey, Instant createdAt) {
	}

	private record Loaded(List<RSAKey> keys) {
	}

}
