package io.getaways.search.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Listings whose text MongoDB did not have at a content version: indexing such a listing
 * again at the same version (every booking changes its seats) does not ask MongoDB again.
 * Text that appears later for that version arrives with its content event, which
 * {@link #forget}s the listing; a later version is a miss by itself. Entries expire, so
 * an answer that came from an unreachable MongoDB (the feed gives no text then either) is
 * asked again soon, and the map is bounded.
 */
final class AbsentTexts {

	private final Cache<String, Long> versions;

	AbsentTexts(Duration expiry, long maximumSize) {
		this.versions = Caffeine.newBuilder().expireAfterWrite(expiry).maximumSize(maximumSize).build();
	}

	boolean isAbsent(String kind, String code, long contentVersion) {
		Long version = versions.getIfPresent(key(kind, code));
		return version != null && version == contentVersion;
	}

	void absent(String kind, String code, long contentVersion) {
		versions.put(key(kind, code), contentVersion);
	}

	void forget(String kind, String code) {
		versions.invalidate(key(kind, code));
	}

	private static String key(String kind, String code) {
		return kind + ':' + code;
	}

}
