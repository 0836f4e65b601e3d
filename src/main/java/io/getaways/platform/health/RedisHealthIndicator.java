package io.getaways.platform.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Redis round trip; DOWN here means reads bypass the cache, never that the service is
 * unready.
 */
@Component("redisHealthIndicator")
class RedisHealthIndicator extends AbstractHealthIndicator {

	private final RedisConnectionFactory connections;

	RedisHealthIndicator(RedisConnectionFactory connections) {
		super("Redis health check failed");
		this.connections = connections;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		long started = System.nanoTime();
		try (RedisConnection connection = connections.getConnection()) {
			String pong = connection.ping();
			builder.up().withDetail("responseTimeMs", ResponseTime.since(started)).withDetail("ping", pong);
		}
	}

}
