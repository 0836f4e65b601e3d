package io.getaways.catalog.internal.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic cache over the test's Redis, with loads the test controls: an entry loaded
 * before an invalidation is never served after it, pages of one generation all go at
 * once, and concurrent misses load once.
 */
@IntegrationTest
class CachedReadsIT {

	private static final Duration TTL = Duration.ofMinutes(1);

	@Autowired
	CacheStore store;

	@Autowired
	JsonMapper json;

	@Autowired
	StringRedisTemplate redis;

	private final String name = "test-" + TestTrips.token(8).toLowerCase();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private ExecutorService pool;

	@BeforeEach
	void startPool() {
		pool = Executors.newFixedThreadPool(16);
	}

	@AfterEach
	void stopPool() {
		pool.shutdownNow();
		redis.delete(redis.keys("getaways:" + name + "*"));
		redis.delete(redis.keys("getaways:{" + name + "}*"));
	}

	@Test
	void aLoadThatAnInvalidationOvertakesIsNotServedAfterwards() throws Exception {
		CachedReads<String> cache = entries(Duration.ofSeconds(5));
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch invalidated = new CountDownLatch(1);
		Future<String> slow = pool.submit(() -> cache.read("K1", () -> {
			loading.countDown();
			await(invalidated);
			return "before the change";
		}, value -> true));
		assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
		cache.invalidate("K1");
		invalidated.countDown();
		assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("before the change");

		assertThat(redis.hasKey("getaways:" + name + ":{K1}")).as("stored, with the stamp it read").isTrue();
		assertThat(cache.read("K1", () -> "after the change", value -> true)).isEqualTo("after the change");
		assertThat(cache.read("K1", () -> "loaded again", value -> true)).as("now served from Redis")
			.isEqualTo("after the change");
	}

	@Test
	void oneNewGenerationInvalidatesEveryPage() {
		CachedReads<String> pages = new CachedReads<>(name, true, TTL, String.class, store, json, meters,
				Duration.ofSeconds(5));
		pages.read("page=0", () -> "first 0", value -> true);
		pages.read("page=1", () -> "first 1", value -> true);
		assertThat(pages.read("page=0", () -> "second 0", value -> true)).isEqualTo("first 0");

		pages.invalidate(null);

		assertThat(pages.read("page=0", () -> "second 0", value -> true)).isEqualTo("second 0");
		assertThat(pages.read("page=1", () -> "second 1", value -> true)).isEqualTo("second 1");
		assertThat(redis.hasKey("getaways:{" + name + "}-generation")).isTrue();
	}

	@Test
	void concurrentMissesOfOneKeyLoadOnce() throws Exception {
		CachedReads<String> cache = entries(Duration.ofSeconds(10));
		AtomicInteger loads = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> reads = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			reads.add(pool.submit(() -> {
				await(start);
				return cache.read("HOT", () -> {
					loads.incrementAndGet();
					sleep(300);
					return "loaded";
				}, value -> true);
			}));
		}
		start.countDown();
		for (Future<String> read : reads) {
			assertThat(read.get(20, TimeUnit.SECONDS)).isEqualTo("loaded");
		}
		assertThat(loads).hasValue(1);
		assertThat(meters.get("getaways.cache.loads").tag("cache", name).counter().count()).isEqualTo(1);
	}

	@Test
	void aWaitThatRunsOutLoadsByItself() throws Exception {
		CachedReads<String> cache = entries(Duration.ofMillis(200));
		CountDownLatch release = new CountDownLatch(1);
		Future<String> stuck = pool.submit(() -> cache.read("SLOW", () -> {
			await(release);
			return "late";
		}, value -> true));
		sleep(100);
		long started = System.nanoTime();
		assertThat(cache.read("SLOW", () -> "own", value -> true)).isEqualTo("own");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		release.countDown();
		assertThat(stuck.get(10, TimeUnit.SECONDS)).isEqualTo("late");
	}

	@Test
	void valuesTheCallerDoesNotWantCachedAreLoadedEveryTime() {
		CachedReads<String> cache = entries(Duration.ofSeconds(5));
		AtomicInteger loads = new AtomicInteger();
		cache.read("MISSING", () -> {
			loads.incrementAndGet();
			return null;
		}, value -> true);
		cache.read("PARTIAL", () -> "no content", value -> false);
		cache.read("PARTIAL", () -> {
			loads.incrementAndGet();
			return "no content";
		}, value -> false);
		assertThat(loads).hasValue(2);
		assertThat(redis.hasKey("getaways:" + name + ":{PARTIAL}")).isFalse();
	}

	@Test
	void anUnchangedEntryIsParsedOnceAndAChangedOneAgain() {
		CachedReads<TripList> cache = new CachedReads<>(name, false, TTL, TripList.class, store, json, meters,
				Duration.ofSeconds(5));
		TripList stored = cache.read("LIST", () -> new TripList(List.of("A", "B")), value -> true);
		TripList first = cache.read("LIST", () -> new TripList(List.of("loaded")), value -> true);
		TripList second = cache.read("LIST", () -> new TripList(List.of("loaded")), value -> true);
		assertThat(first).isEqualTo(stored).isNotSameAs(stored);
		assertThat(second).as("the same text in Redis, the value parsed from it before").isSameAs(first);

		// another instance stores a new entry under the same stamp: different text,
		// parsed
		String key = "getaways:" + name + ":{LIST}";
		String payload = redis.opsForValue().get(key);
		redis.opsForValue().set(key, payload.replace("\"B\"", "\"C\""), TTL);
		assertThat(cache.read("LIST", () -> new TripList(List.of("loaded")), value -> true).codes())
			.containsExactly("A", "C");

		cache.invalidate("LIST");
		assertThat(cache.read("LIST", () -> new TripList(List.of("new")), value -> true).codes())
			.containsExactly("new");
		assertThat(cache.read("LIST", () -> new TripList(List.of("loaded")), value -> true).codes())
			.containsExactly("new");
	}

	record TripList(List<String> codes) {
	}

	private CachedReads<String> entries(Duration loadWait) {
		return new CachedReads<>(name, false, TTL, String.class, store, json, meters, loadWait);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
