package io.getaways.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.getaways.platform.config.PositiveDuration;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * Client settings that keep a failing MongoDB or Redis from holding requests: both fail
 * fast, so that callers can degrade (content unavailable, cache bypassed) instead of
 * waiting out a driver's default of thirty seconds.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreClientSettings.Mongo.class)
class StoreClientSettings {

	/**
	 * @param timeout server selection and connect timeout; reads may take five times as
	 * long
	 */
	@ConfigurationProperties("getaways.mongo")
	@Validated
	record Mongo(@DefaultValue("2s") @PositiveDuration Duration timeout) {
	}

	@Bean
	MongoClientSettingsBuilderCustomizer fastFailingMongo(Mongo mongo) {
		int millis = (int) mongo.timeout().toMillis();
		return settings -> settings
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS)
				.readTimeout(millis * 5, TimeUnit.MILLISECONDS));
	}

	/**
	 * While disconnected, Lettuce rejects commands at once instead of queueing them until
	 * they time out. Its timeouts are Spring Boot's own {@code spring.data.redis.*}
	 * properties, read as they are rather than as settings of ours.
	 */
	@Bean
	LettuceClientConfigurationBuilderCustomizer fastFailingRedis(
			@Value("${spring.data.redis.connect-timeout:500ms}") Duration connectTimeout,
			@Value("${spring.data.redis.timeout:250ms}") Duration commandTimeout) {
		// Spring Boot has already put the SSL bundle's trust material in the client
		// options: they are amended, never replaced
		return builder -> {
			ClientOptions current = builder.build().getClientOptions().orElseGet(ClientOptions::create);
			builder.clientOptions(current.mutate()
				.autoReconnect(true)
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.socketOptions(current.getSocketOptions().mutate().connectTimeout(connectTimeout).build())
				.timeoutOptions(TimeoutOptions.enabled(commandTimeout))
				.build());
		};
	}

}
