package io.getaways.identity.internal;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-subject limits from {@code system.rate_limit_overrides}, reloaded every 30 seconds.
 */
@Component
class RateLimitOverrides {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private volatile Map<String, RateLimitSettings.Limit> bySubject = Map.of();

	RateLimitOverrides(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		reload();
	}

	Optional<RateLimitSettings.Limit> forSubject(String subject) {
		return Optional.ofNullable(bySubject.get(subject));
	}

	@Scheduled(fixedDelayString = "${getaways.rate-limit.overrides-reload-interval:30s}")
	void reload() {
		bySubject = ActorContext.callAs(Actor.job("rate-limit-overrides").as(Actor.Role.SYSTEM),
				() -> transactions.execute(status -> jdbc
					.sql("SELECT subject, capacity, refill_per_minute FROM system.rate_limit_overrides")
					.query((row, n) -> Map.entry(row.getString("subject"),
							RateLimitSettings.Limit.of(row.getInt("capacity"), row.getInt("refill_per_minute"))))
					.list()
					.stream()
					.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue))));
	}

}
