package io.getaways.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets in Redis (Bucket4j), shared by every instance. When Redis fails, buckets
 * live in this instance's memory until Redis answers again: limits then hold per instance
 * instead of globally, and requests never fail because of Redis.
 */
@Component
class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	private static final int MAX_LOCAL_BUCKETS = 100_000;

	private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);

	private final RedisConnectionFactory connections;

	private final Map<String, Bucket> localBuckets = new ConcurrentHashMap<>();

	private final AtomicLong redisPausedUntil = new AtomicLong(System.nanoTime());

	private final Counter fallbacks;

	private volatile ProxyManager<byte[]> redisBuckets;

	RateLimiter(RedisConnectionFactory connections, MeterRegistry registry) {
		this.connections = connections;
		this.fallbacks = Counter.builder("getaways.rate-limit.fallbacks")
			.description("Rate-limit decisions made in memory because Redis failed")
			.register(registry);
	}

	ConsumptionProbe consume(String subject, RateLimitSettings.Limit limit) {
		BucketConfiguration configuration = configuration(limit);
		if (System.nanoTime() - redisPausedUntil.get() >= 0) {
			try {
				// the limit is part of the key: Bucket4j replaces a stored configuration
				// only by a higher version,
				// so a lowered limit would never reach a bucket in use
				return redis().builder()
					.build(("getaways:rate:" + key(subject, limit)).getBytes(StandardCharsets.UTF_8),
							() -> configuration)
					.tryConsumeAndReturnRemaining(1);
			}
			catch (RuntimeException ex) {
				redisPausedUntil.set(System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos());
				log.warn("Rate limits: Redis failed ({}), counting in memory for {}", ex.getMessage(),
						PAUSE_AFTER_FAILURE);
			}
		}
		fallbacks.increment();
		if (localBuckets.size() > MAX_LOCAL_BUCKETS) {
			localBuckets.clear();
		}
		return localBuckets
			.computeIfAbsent(key(subject, limit),
					key -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
			.tryConsumeAndReturnRemaining(1);
	}

	private ProxyManager<byte[]> redis() {
		ProxyManager<byte[]> manager = redisBuckets;
		if (manager == null) {
			synchronized (this) {
				if (redisBuckets == null) {
					redisBuckets = builderFor(((LettuceConnectionFactory) connections).getNativeClient())
						.expirationAfterWrite(ExpirationAfterWriteStrategy
							.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
						.build();
				}
				manager = redisBuckets;
			}
		}
		return manager;
	}

	/**
	 * A bucket is one key, so it works the same on one server and on a Redis Cluster; the
	 * client is Lettuce's for either.
	 */
	private static Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]> builderFor(Object client) {
		if (client instanceof RedisClusterClient cluster) {
			return Bucket4jLettuce.casBasedBuilder(cluster);
		}
		return Bucket4jLettuce.casBasedBuilder((RedisClient) client);
	}

	private static BucketConfiguration configuration(RateLimitSettings.Limit limit) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.capacity())
				.refillGreedy(limit.refillPerMinute(), Duration.ofMinutes(1))
				.build())
			.build();
	}

	private static String key(String subject, RateLimitSettings.Limit limit) {
		return subject + "#" + limit.capacity() + "/" + limit.refillPerMinute();
	}

}
