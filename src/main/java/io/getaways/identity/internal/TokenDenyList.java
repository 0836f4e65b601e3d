package io.getaways.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ids of revoked access tokens until they expire. PostgreSQL is the record; Redis spreads a revocation to every
 * instance at once; each instance also keeps the live set from PostgreSQL in memory, refreshed every few seconds, so a
 * lost or unreachable Redis never lets a revoked token through.
 */
@Component
class TokenDenyList {

	private static final Logger log = LoggerFactory.getLogger(TokenDenyList.class);
	private static final String PREFIX = "getaways:denied:";

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final StringRedisTemplate redis;
	private volatile Set<String> known = ConcurrentHashMap.newKeySet();

	TokenDenyList(JdbcClient jdbc, TransactionTemplate transactions, StringRedisTemplate redis) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.redis = redis;
		refresh();
	}

	void deny(String jti, Instant expiresAt) {
		asSystem(() -> jdbc.sql("""
				INSERT INTO system.revoked_tokens (jti, expires_at) VALUES (:jti, :expiresAt)
				ON CONFLICT (jti) DO NOTHING""").param("jti", jti).param("expiresAt", Timestamp.from(expiresAt)).update());
		known.add(jti);
		Duration ttl = Duration.between(Instant.now(), expiresAt);
		if (!ttl.isNegative() && !ttl.isZero()) {
			try {
				redis.opsForValue().set(PREFIX + jti, "1", ttl);
			}
			catch (RuntimeException ex) {
				log.warn("Identity: Redis unavailable, revocation of {} spreads through PostgreSQL: {}", jti,
						ex.getMessage());
			}
		}
	}

	boolean isDenied(String jti) {
		if (known.contains(jti)) {
			return true;
		}
		try {
			return Boolean.TRUE.equals(redis.hasKey(PREFIX + jti));
		}
		catch (RuntimeException ex) {
			// the in-memory set from PostgreSQL already answered; Redis only adds what it has not seen yet
			return false;
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
		return ActorContext.callAs(ActorContext.current().as(Actor.Role.SYSTEM),
				() -> transactions.execute(status -> work.get()));
	}
}
