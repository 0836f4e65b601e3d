package io.getaways.catalog.internal.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Redis as every catalog cache uses it. Redis may be lost or down at any moment: every
 * failure is a miss, and after one Redis is bypassed for a short pause instead of paying
 * a timeout on every request. An entry is valid only while its stamp is the current one
 * of its stamp key; an invalidation replaces the stamp with a fresh random number, so an
 * entry a slow reader stores after an invalidation is never served, and a stamp lost with
 * Redis never comes back. An invalidation that failed is remembered, and no cache is read
 * or written again until it has been carried out.
 */
@Component
public class CacheStore {

	private static final Logger log = LoggerFactory.getLogger(CacheStore.class);

	/**
	 * The stamp of a key never invalidated, or whose last stamp expired: an
	 * invalidation's stamp outlives the entries it invalidated (see {@link #invalidate}),
	 * so entries stored before it cannot become valid again.
	 */
	static final String NO_STAMP = "0";

	/**
	 * What Redis holds for one entry: the cached text (null on a miss) and the stamp a
	 * new entry must carry.
	 */
	record Lookup(String payload, String stamp) {
	}

	/**
	 * An invalidation to carry out again: a new stamp for the key, and the entries to
	 * delete with it.
	 */
	private record Pending(Duration stampTtl, List<String> valueKeys, long failure) {
	}

	private final StringRedisTemplate redis;

	private final StoreMetrics metrics;

	private final Duration pauseAfterFailure;

	private final AtomicLong bypassUntilNanos = new AtomicLong(System.nanoTime());

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final AtomicLong failures = new AtomicLong();

	CacheStore(StringRedisTemplate redis, StoreMetrics metrics, CacheSettings settings) {
		this.redis = redis;
		this.metrics = metrics;
		this.pauseAfterFailure = settings.pauseAfterFailure();
	}

	/**
	 * The entry and the current stamp of its stamp key; null when Redis may not be used
	 * now. Throws when Redis failed, after starting a pause.
	 */
	Lookup lookup(String valueKey, String stampKey) {
		if (!usable()) {
			return null;
		}
		try {
			List<String> found = metrics.record(Store.REDIS, "cache.get",
					() -> redis.opsForValue().multiGet(List.of(valueKey, stampKey)));
			return new Lookup(found.get(0), found.get(1) == null ? NO_STAMP : found.get(1));
		}
		catch (RuntimeException ex) {
			failed("get", ex);
			throw ex;
		}
	}

	/**
	 * Stores an entry, unless Redis may not be used now; a failure only starts a pause.
	 */
	boolean put(String valueKey, String payload, Duration ttl) {
		if (!usable()) {
			return false;
		}
		try {
			metrics.record(Store.REDIS, "cache.put", () -> redis.opsForValue().set(valueKey, payload, ttl));
			return true;
		}
		catch (RuntimeException ex) {
			failed("put", ex);
			return false;
		}
	}

	/**
	 * Replaces the stamp, with a time to live longer than that of the entries (or none),
	 * and deletes the entries. Attempted even while bypassing. A failure is remembered,
	 * to be carried out before Redis is used again, and thrown, so that an event that
	 * asked for it stays incomplete in the outbox and is delivered again.
	 */
	void invalidate(String stampKey, Duration stampTtl, List<String> valueKeys) {
		try {
			carryOut(stampKey, stampTtl, valueKeys);
		}
		catch (RuntimeException ex) {
			pending.put(stampKey, new Pending(stampTtl, List.copyOf(valueKeys), failures.incrementAndGet()));
			failed("invalidate", ex);
			throw ex;
		}
	}

	private void carryOut(String stampKey, Duration stampTtl, List<String> valueKeys) {
		metrics.record(Store.REDIS, "cache.invalidate", () -> {
			if (stampTtl == null) {
				redis.opsForValue().set(stampKey, newStamp());
			}
			else {
				redis.opsForValue().set(stampKey, newStamp(), stampTtl);
			}
			if (!valueKeys.isEmpty()) {
				redis.delete(valueKeys);
			}
		});
	}

	/**
	 * Runs an invalidation whose failure, already pending and logged, the caller need not
	 * hear of.
	 */
	public static void quietly(Runnable invalidation) {
		try {
			invalidation.run();
		}
		catch (RuntimeException ex) {
			log.debug("Cache: invalidation left pending: {}", ex.getMessage());
		}
	}

	/**
	 * Retries failed invalidations even while nobody reads, so that no instance serves
	 * what they should remove.
	 */
	@Scheduled(fixedDelayString = "${getaways.cache.pause-after-failure:2s}")
	void retryPending() {
		if (!pending.isEmpty() && !bypassed()) {
			carryOutPending();
		}
	}

	private boolean usable() {
		return !bypassed() && carryOutPending();
	}

	/** Returns whether no failed invalidation is left. */
	private boolean carryOutPending() {
		if (pending.isEmpty()) {
			return true;
		}
		int done = 0;
		for (Map.Entry<String, Pending> entry : Map.copyOf(pending).entrySet()) {
			Pending invalidation = entry.getValue();
			try {
				carryOut(entry.getKey(), invalidation.stampTtl(), invalidation.valueKeys());
			}
			catch (RuntimeException ex) {
				failed("invalidate-pending", ex);
				return false;
			}
			// a newer failure of the same key stays pending
			if (pending.remove(entry.getKey(), invalidation)) {
				done++;
			}
		}
		log.info("Cache: carried out {} invalidations that failed while Redis was unavailable", done);
		return pending.isEmpty();
	}

	private boolean bypassed() {
		return System.nanoTime() - bypassUntilNanos.get() < 0;
	}

	private void failed(String operation, RuntimeException ex) {
		boolean wasOpen = !bypassed();
		bypassUntilNanos.set(System.nanoTime() + pauseAfterFailure.toNanos());
		if (wasOpen) {
			log.warn("Cache: Redis {} failed, bypassing the cache for {}: {}", operation, pauseAfterFailure,
					ex.getMessage());
		}
	}

	private static String newStamp() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
	}

}
