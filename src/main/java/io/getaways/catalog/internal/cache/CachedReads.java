package io.getaways.catalog.internal.cache;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One cache of reads (trip, stay, trip-page, stay-page) in {@link CacheStore}: an entry
 * is valid only while it carries the current stamp of its stamp key, which is the entry's
 * own (details, invalidated one by one) or one for the whole cache (pages, all
 * invalidated by any change of their kind, without scanning keys). Misses of one key in
 * this instance load once ({@link SingleFlight}). Counted as
 * {@code getaways.cache.requests{cache,result}}, {@code getaways.cache.loads{cache}} and
 * {@code getaways.cache.hit.ratio{cache}}.
 */
final class CachedReads<V> {

	private static final Logger log = LoggerFactory.getLogger(CachedReads.class);

	private static final char STAMP_END = '|';

	/**
	 * Characters of payloads whose parsed values each cache keeps at most (two bytes
	 * each, plus the values): the trip list is about 50 KB, a page a few.
	 */
	private static final long PARSED_CHARS = 2_000_000;

	private final String name;

	private final String prefix;

	private final boolean generational;

	/** The stamp key of the whole cache, or null when every entry has its own. */
	private final String generationKey;

	private final Duration ttl;

	private final Class<V> type;

	private final CacheStore store;

	private final JsonMapper json;

	private final SingleFlight<V> flights;

	/**
	 * The value last parsed for each key, with the exact payload it came from: a hit
	 * whose payload is the same text (same stamp, same entry) answers that value instead
	 * of parsing it again, which was most of a warm read's Jackson time. Only the text
	 * read from Redis decides, so what a hit answers is what it answered before. Values
	 * are immutable records, safe to share between requests.
	 */
	private final Cache<String, Parsed<V>> parsed;

	private final Counter hits;

	private final Counter misses;

	private final Counter errors;

	private final Counter loads;

	CachedReads(String name, boolean generational, Duration ttl, Class<V> type, CacheStore store, JsonMapper json,
			MeterRegistry registry, Duration loadWait) {
		this.name = name;
		// A lookup reads an entry and its stamp in one MGET, which Redis Cluster allows
		// only
		// within one hash slot: Redis hashes just the part in braces, so an entry and its
		// own
		// stamp share a slot, and a generational cache lives in the slot of its
		// generation.
		this.prefix = generational ? "getaways:{" + name + "}:" : "getaways:" + name + ":";
		this.generational = generational;
		this.generationKey = generational ? "getaways:{" + name + "}-generation" : null;
		this.ttl = ttl;
		this.type = type;
		this.store = store;
		this.json = json;
		this.flights = new SingleFlight<>(loadWait);
		this.parsed = Caffeine.newBuilder()
			.maximumWeight(PARSED_CHARS)
			.<String, Parsed<V>>weigher((key, value) -> value.payload().length())
			.build();
		this.hits = counter(registry, "requests", "hit");
		this.misses = counter(registry, "requests", "miss");
		this.errors = counter(registry, "requests", "error");
		this.loads = counter(registry, "loads", null);
		Gauge.builder("getaways.cache.hit.ratio", this, CachedReads::hitRatio)
			.tag("cache", name)
			.description("Share of lookups answered from Redis")
			.register(registry);
	}

	private Counter counter(MeterRegistry registry, String what, String result) {
		Counter.Builder builder = Counter.builder("getaways.cache." + what).tag("cache", name);
		return (result == null ? builder : builder.tag("result", result)).register(registry);
	}

	/**
	 * The cached value, or the loader's (which may be null) stored when {@code cacheable}
	 * says so. Never fails because of Redis.
	 */
	V read(String key, Supplier<V> loader, Predicate<V> cacheable) {
		CacheStore.Lookup seen = lookup(key);
		V cached = valid(key, seen);
		if (cached != null) {
			hits.increment();
			return cached;
		}
		misses.increment();
		String flight = key + STAMP_END + (seen == null ? "-" : seen.stamp());
		return flights.load(flight, () -> loadAndStore(key, loader, cacheable));
	}

	private V loadAndStore(String key, Supplier<V> loader, Predicate<V> cacheable) {
		// a load that ended while this request missed may have stored the entry already
		CacheStore.Lookup current = lookup(key);
		V cached = valid(key, current);
		if (cached != null) {
			return cached;
		}
		V loaded = loader.get();
		loads.increment();
		if (loaded != null && current != null && cacheable.test(loaded)) {
			String payload = current.stamp() + STAMP_END + json.writeValueAsString(loaded);
			store.put(valueKey(key), payload, ttl);
		}
		return loaded;
	}

	/**
	 * Throws when Redis failed, so that the event asking for it stays in the outbox (see
	 * {@link CacheStore}).
	 */
	void invalidate(String key) {
		if (generationKey != null) {
			flights.forget(flight -> true);
			store.invalidate(generationKey, null, List.of());
		}
		else {
			flights.forget(flight -> flight.startsWith(key + STAMP_END));
			store.invalidate(stampKey(key), ttl.multipliedBy(2), List.of(valueKey(key)));
		}
	}

	private String valueKey(String key) {
		return generational ? prefix + key : prefix + "{" + key + "}";
	}

	private String stampKey(String key) {
		return prefix + "stamp:{" + key + "}";
	}

	private CacheStore.Lookup lookup(String key) {
		try {
			return store.lookup(valueKey(key), generationKey != null ? generationKey : stampKey(key));
		}
		catch (RuntimeException ex) {
			errors.increment();
			return null;
		}
	}

	/**
	 * The entry if it carries the current stamp. One written by an older version of the
	 * service may lack fields or have others: it is a miss, and the next load overwrites
	 * it.
	 */
	private V valid(String key, CacheStore.Lookup lookup) {
		if (lookup == null || lookup.payload() == null || !lookup.payload().startsWith(lookup.stamp() + STAMP_END)) {
			return null;
		}
		Parsed<V> known = parsed.getIfPresent(key);
		if (known != null && known.payload().equals(lookup.payload())) {
			return known.value();
		}
		try {
			V value = json.readValue(lookup.payload().substring(lookup.stamp().length() + 1), type);
			parsed.put(key, new Parsed<>(lookup.payload(), value));
			return value;
		}
		catch (JacksonException ex) {
			log.info("Cache {}: unreadable entry for {}: {}", name, key, ex.getOriginalMessage());
			return null;
		}
	}

	private record Parsed<V>(String payload, V value) {
	}

	private double hitRatio() {
		double lookups = hits.count() + misses.count();
		return lookups == 0 ? 0 : hits.count() / lookups;
	}

}
