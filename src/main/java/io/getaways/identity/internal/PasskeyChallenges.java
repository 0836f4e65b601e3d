package io.getaways.identity.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.stereotype.Component;

/**
 * Outstanding WebAuthn challenges, each under a random id that the client sends back with
 * its answer (the API has no HTTP session to hold them). Each is taken at most once and
 * expires after the configured time. Redis holds them, so any instance can finish a
 * ceremony another began; while Redis fails they live in this instance's memory, as the
 * rate limiter's buckets do.
 */
@Component
class PasskeyChallenges {

	private static final Logger log = LoggerFactory.getLogger(PasskeyChallenges.class);

	private static final String PREFIX = "getaways:passkey-challenge:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StringRedisTemplate redis;

	private final Duration ttl;

	private final Map<String, Held> memory = new ConcurrentHashMap<>();

	PasskeyChallenges(StringRedisTemplate redis, PasskeySettings settings) {
		this.redis = redis;
		this.ttl = settings.challengeTtl();
	}

	Duration ttl() {
		return ttl;
	}

	/** Keeps a challenge issued for this purpose (and user, if any); returns its id. */
	String keep(Purpose purpose, UUID userId, Bytes challenge) {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String value = (userId == null ? "-" : userId.toString()) + "|" + challenge.toBase64UrlString();
		try {
			redis.opsForValue().set(key(purpose, id), value, ttl);
		}
		catch (RuntimeException ex) {
			log.warn("Identity: Redis unavailable, passkey challenge kept in memory: {}", ex.getMessage());
			memory.put(key(purpose, id), new Held(value, System.nanoTime() + ttl.toNanos()));
		}
		return id;
	}

	/**
	 * The challenge kept under this id for this purpose, removed as it is read: a second
	 * call, or one after it expired, finds nothing.
	 */
	Optional<Issued> take(Purpose purpose, String id) {
		if (id == null || !id.matches("[A-Za-z0-9_-]{22}")) {
			return Optional.empty();
		}
		String key = key(purpose, id);
		Held held = memory.remove(key);
		String value = held == null || held.expired() ? null : held.value();
		if (value == null) {
			try {
				value = redis.opsForValue().getAndDelete(key);
			}
			catch (RuntimeException ex) {
				log.warn("Identity: Redis unavailable, passkey challenge {} cannot be read: {}", id, ex.getMessage());
			}
		}
		if (value == null) {
			return Optional.empty();
		}
		int bar = value.indexOf('|');
		String user = value.substring(0, bar);
		return Optional.of(new Issued("-".equals(user) ? null : UUID.fromString(user),
				Bytes.fromBase64(value.substring(bar + 1))));
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetExpired() {
		memory.values().removeIf(Held::expired);
	}

	private static String key(Purpose purpose, String id) {
		return PREFIX + purpose.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
	}

	enum Purpose {

		REGISTRATION, SIGN_IN

	}

	record Issued(UUID userId, Bytes challenge) {
	}

	private record Held(String value, long expiresAtNanos) {

		boolean expired() {
			return System.nanoTime() - expiresAtNanos > 0;
		}

	}

}
