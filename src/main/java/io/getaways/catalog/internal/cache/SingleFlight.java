package io.getaways.catalog.internal.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Concurrent loads of one key in this instance run once: the first caller loads, the
 * others wait for its result. A wait is bounded, and a caller whose wait ran out or whose
 * leader failed loads by itself, so a slow or failing load never holds more than its own
 * request.
 */
final class SingleFlight<V> {

	private final Map<String, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

	private final Duration wait;

	SingleFlight(Duration wait) {
		this.wait = wait;
	}

	V load(String key, Supplier<V> loader) {
		CompletableFuture<V> mine = new CompletableFuture<>();
		CompletableFuture<V> leader = inFlight.putIfAbsent(key, mine);
		if (leader == null) {
			try {
				V loaded = loader.get();
				mine.complete(loaded);
				return loaded;
			}
			catch (RuntimeException | Error ex) {
				mine.completeExceptionally(ex);
				throw ex;
			}
			finally {
				inFlight.remove(key, mine);
			}
		}
		try {
			return leader.get(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			return loader.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return loader.get();
		}
	}

	/**
	 * Loads of the matching keys still finish for those already waiting, but nobody joins
	 * them any more: a read that follows an invalidation must not receive what was loaded
	 * before it.
	 */
	void forget(Predicate<String> keys) {
		inFlight.keySet().removeIf(keys);
	}

}
