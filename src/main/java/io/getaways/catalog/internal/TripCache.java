package io.getaways.catalog.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.getaways.catalog.TripDetails;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trip reads cached in Redis. Redis may be lost or down at any moment: every failure is a miss, and after one the
 * cache is bypassed for a short pause instead of paying a timeout on every request. An eviction that failed is
 * remembered, and the cache is neither read nor written again until it has been carried out: an entry that went stale
 * while Redis was away (and that Redis may have kept) must never be served once it is back.
 */
@Component
class TripCache {

	private static final Logger log = LoggerFactory.getLogger(TripCache.class);
	private static final String PREFIX = "getaways:trip:";

	private final StringRedisTemplate redis;
	private final JsonMapper json;
	private final StoreMetrics metrics;
	private final Duration ttl;
	private final Duration pauseAfterFailure;
	private final Counter hits;
	private final Counter misses;
	private final Counter errors;
	private final AtomicLong bypassUntilNanos = new AtomicLong(System.nanoTime());
	/** Trip code to the number of the failure that left its eviction pending, so a newer failure is never lost. */
	private final Map<String, Long> pendingEvictions = new ConcurrentHashMap<>();
	private final AtomicLong evictionFailures = new AtomicLong();

	TripCache(StringRedisTemplate redis, JsonMapper json, StoreMetrics metrics, MeterRegistry registry,
			@Value("${getaways.cache.trip-ttl:10m}") Duration ttl,
			@Value("${getaways.cache.pause-after-failure:2s}") Duration pauseAfterFailure) {
		this.redis = redis;
		this.json = json;
		this.metrics = metrics;
		this.ttl = ttl;
		this.pauseAfterFailure = pauseAfterFailure;
		this.hits = counter(registry, "hit");
		this.misses = counter(registry, "miss");
		this.errors = counter(registry, "error");
		Gauge.builder("getaways.cache.hit.ratio", this, TripCache::hitRatio)
			.tag("cache", "trip")
			.description("Share of trip cache lookups answered from Redis")
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String result) {
		return Counter.builder("getaways.cache.requests").tag("cache", "trip").tag("result", result).register(registry);
	}

	Optional<TripDetails> get(String code) {
		if (bypassed() || !evictPending()) {
			misses.increment();
			return Optional.empty();
		}
		try {
			String cached = metrics.record(Store.REDIS, "trip-cache.get", () -> redis.opsForValue().get(PREFIX + code));
			if (cached == null) {
				misses.increment();
				return Optional.empty();
			}
			Optional<TripDetails> details = readable(code, cached);
			(details.isPresent() ? hits : misses).increment();
			return details;
		}
		catch (RuntimeException ex) {
			failed("get", ex);
			misses.increment();
			return Optional.empty();
		}
	}

	/**
	 * An entry written by an older version of the service may lack fields or have others; it is a miss, not a Redis
	 * failure, and is dropped so the next read caches the current shape.
	 */
	private Optional<TripDetails> readable(String code, String cached) {
		try {
			return Optional.of(json.readValue(cached, TripDetails.class));
		}
		catch (JacksonException ex) {
			log.info("Trip cache: dropping unreadable entry for {}: {}", code, ex.getOriginalMessage());
			metrics.record(Store.REDIS, "trip-cache.evict", () -> redis.delete(PREFIX + code));
			return Optional.empty();
		}
	}

	void put(TripDetails details) {
		if (bypassed() || !evictPending()) {
			return;
		}
		try {
			String value = json.writeValueAsString(details);
			metrics.record(Store.REDIS, "trip-cache.put",
					() -> redis.opsForValue().set(PREFIX + details.trip().code(), value, ttl));
		}
		catch (RuntimeException ex) {
			failed("put", ex);
		}
	}

	/**
	 * Eviction is attempted even while bypassing. A failure is remembered for {@link #evictPending()} and thrown, so
	 * the outbox keeps the event as well and delivers it again after a restart of this instance.
	 */
	void evict(String code) {
		try {
			metrics.record(Store.REDIS, "trip-cache.evict", () -> redis.delete(PREFIX + code));
		}
		catch (RuntimeException ex) {
			pendingEvictions.put(code, evictionFailures.incrementAndGet());
			failed("evict", ex);
			throw ex;
		}
	}

	/** Carries out the evictions that failed earlier; returns whether none is left, that is whether Redis is trusted. */
	private boolean evictPending() {
		if (pendingEvictions.isEmpty()) {
			return true;
		}
		Map<String, Long> attempted = Map.copyOf(pendingEvictions);
		List<String> keys = attempted.keySet().stream().map(PREFIX::concat).toList();
		try {
			metrics.record(Store.REDIS, "trip-cache.evict-pending", () -> redis.delete(keys));
		}
		catch (RuntimeException ex) {
			failed("evict-pending", ex);
			return false;
		}
		attempted.forEach(pendingEvictions::remove);
		log.info("Trip cache: carried out {} evictions that failed while Redis was unavailable", attempted.size());
		return pendingEvictions.isEmpty();
	}

	private boolean bypassed() {
		return System.nanoTime() - bypassUntilNanos.get() < 0;
	}

	private void failed(String operation, RuntimeException ex) {
		errors.increment();
		boolean wasOpen = !bypassed();
		bypassUntilNanos.set(System.nanoTime() + pauseAfterFailure.toNanos());
		if (wasOpen) {
			log.warn("Trip cache: Redis {} failed, bypassing the cache for {}: {}", operation, pauseAfterFailure,
					ex.getMessage());
		}
	}

	private double hitRatio() {
		double lookups = hits.count() + misses.count();
		return lookups == 0 ? 0 : hits.count() / lookups;
	}
}
