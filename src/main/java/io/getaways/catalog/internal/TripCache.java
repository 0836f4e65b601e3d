package io.getaways.catalog.internal;

import java.time.Duration;
import java.util.Optional;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Trip reads cached in Redis. Redis may be lost or down at any moment: every failure is a miss, and after one the
 * cache is bypassed for a short pause instead of paying a timeout on every request.
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
		if (bypassed()) {
			misses.increment();
			return Optional.empty();
		}
		try {
			String cached = metrics.record(Store.REDIS, "trip-cache.get", () -> redis.opsForValue().get(PREFIX + code));
			if (cached == null) {
				misses.increment();
				return Optional.empty();
			}
			hits.increment();
			return Optional.of(json.readValue(cached, TripDetails.class));
		}
		catch (RuntimeException ex) {
			failed("get", ex);
			misses.increment();
			return Optional.empty();
		}
	}

	void put(TripDetails details) {
		if (bypassed()) {
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
	 * Eviction is attempted even while bypassing, and its failure is thrown: the outbox then keeps the event and
	 * delivers it again, so a stale entry cannot outlive an outage.
	 */
	void evict(String code) {
		try {
			metrics.record(Store.REDIS, "trip-cache.evict", () -> redis.delete(PREFIX + code));
		}
		catch (RuntimeException ex) {
			failed("evict", ex);
			throw ex;
		}
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
