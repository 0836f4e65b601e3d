package io.getaways.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.PrimaryReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ids of revoked access tokens until they expire. PostgreSQL is the record; Redis spreads
 * a revocation to every instance at once; each instance also keeps the live set from
 * PostgreSQL in memory, refreshed every few seconds. When Redis fails, it is left alone
 * for a short pause instead of costing its timeout on every request, and tokens the
 * memory does not know are looked up in PostgreSQL meanwhile, so a revocation made on
 * another instance during the outage is refused at once too: the list never fails open.
 */
@Component
class TokenDenyList {

	private static final Logger log = LoggerFactory.getLogger(TokenDenyList.class);

	private static final String PREFIX = "getaways:denied:";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	/**
	 * For the per-request check while Redis cannot answer: on the primary, writing
	 * nothing.
	 */
	private final TransactionTemplate readOnly;

	private final StringRedisTemplate redis;

	private final Duration pauseAfterFailure;

	private final AtomicLong redisPausedUntil = new AtomicLong(System.nanoTime());

	private volatile Set<String> known = ConcurrentHashMap.newKeySet();

	TokenDenyList(JdbcClient jdbc, TransactionTemplate transactions, StringRedisTemplate redis,
			@Value("${getaways.identity.deny-list-pause-after-failure:2s}") Duration pauseAfterFailure) {
		if (pauseAfterFailure.isNegative()) {
			throw new IllegalStateException(
					"getaways.identity.deny-list-pause-after-failure must not be negative but was "
							+ pauseAfterFailure);
		}
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.redis = redis;
		this.pauseAfterFailure = pauseAfterFailure;
		refresh();
	}

	void deny(String jti, Instant expiresAt) {
		asSystem(() -> jdbc.sql("""
				INSERT INTO system.revoked_tokens (jti, expires_at) VALUES (:jti, :expiresAt)
				ON CONFLICT (jti) DO NOTHING""")
			.param("jti", jti)
			.param("expiresAt", Timestamp.from(expiresAt))
			.update());
		known.add(jti);
		Duration ttl = Duration.between(Instant.now(), expiresAt);
		// tried even during a pause: sign-outs are rare, and other instances learn of
		// this one soonest through Redis
		if (!ttl.isNegative() && !ttl.isZero()) {
			try {
				redis.opsForValue().set(PREFIX + jti, "1", ttl);
			}
			catch (RuntimeException ex) {
				pause(ex);
				log.warn("Identity: Redis unavailable, revocation of {} spreads through PostgreSQL: {}", jti,
						ex.getMessage());
			}
		}
	}

	boolean isDenied(String jti) {
		if (known.contains(jti)) {
			return true;
		}
		if (redisPaused()) {
			return deniedInPostgres(jti);
		}
		try {
			return Boolean.TRUE.equals(redis.hasKey(PREFIX + jti));
		}
		catch (RuntimeException ex) {
			pause(ex);
			return deniedInPostgres(jti);
		}
	}

	/**
	 * A revocation made on another instance since the last refresh, while Redis cannot
	 * tell.
	 */
	private boolean deniedInPostgres(String jti) {
		return Boolean.TRUE.equals(PrimaryReads.call(() -> asSystem(readOnly,
				() -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM system.revoked_tokens WHERE jti = :jti)")
					.param("jti", jti)
					.query(Boolean.class)
					.single())));
	}

	private boolean redisPaused() {
		return System.nanoTime() - redisPausedUntil.get() < 0;
	}

	private void pause(RuntimeException ex) {
		boolean wasPaused = redisPaused();
		redisPausedUntil.set(System.nanoTime() + pauseAfterFailure.toNanos());
		if (!wasPaused) {
			log.warn("Identity: Redis failed ({}), deny-list lookups go to PostgreSQL for {}", ex.getMessage(),
					pauseAfterFailure);
		}
	}

	@Scheduled(fixedDelayString = "${getaways.identity.deny-list-refresh:5s}")
	void refresh() {
		Set<String> live = ConcurrentHashMap.newKeySet();
		asSystem(() -> {
			jdbc.sql("DELETE FROM system.revoked_tokens WHERE expires_at < now()").update();
			live.addAll(jdbc.sql("SELECT jti FROM system.revoked_tokens").query(String.class).list());
			return null;
		});
		known = live;
	}

	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return asSystem(transactions, work);
	}

	private static <T> T asSystem(TransactionTemplate template, java.util.function.Supplier<T> work) {
		return ActorContext.callAs(ActorContext.current().as(Actor.Role.SYSTEM),
				() -> template.execute(status -> work.get()));
	}

}
