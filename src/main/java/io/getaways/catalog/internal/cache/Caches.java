package io.getaways.catalog.internal.cache;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the catalog's caches over one {@link CacheStore}, so that they share its pause
 * and pending invalidations.
 */
@Component
@EnableConfigurationProperties(CacheSettings.class)
class Caches {

	private final CacheStore store;

	private final JsonMapper json;

	private final MeterRegistry registry;

	private final CacheSettings settings;

	Caches(CacheStore store, JsonMapper json, MeterRegistry registry, CacheSettings settings) {
		this.store = store;
		this.json = json;
		this.registry = registry;
		this.settings = settings;
	}

	CacheSettings settings() {
		return settings;
	}

	/** Entries invalidated one by one. */
	<V> CachedReads<V> entries(String name, Duration ttl, Class<V> type) {
		return new CachedReads<>(name, false, ttl, type, store, json, registry, settings.loadWait());
	}

	/**
	 * Entries all invalidated at once by a new generation, as pages of search results
	 * are.
	 */
	<V> CachedReads<V> generations(String name, Duration ttl, Class<V> type) {
		return new CachedReads<>(name, true, ttl, type, store, json, registry, settings.loadWait());
	}

}
