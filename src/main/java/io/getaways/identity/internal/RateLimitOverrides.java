package io.getaways.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.getaways.identity.RateLimitOverride;
import io.getaways.identity.RateLimitOverrideAdministration;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-subject limits from {@code system.rate_limit_overrides}, reloaded every 30 seconds;
 * admins change them through {@link RateLimitOverrideAdministration}, in their own
 * transaction and role (only the admin role may write the table).
 */
@Component
class RateLimitOverrides implements RateLimitOverrideAdministration {

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

	@Override
	public List<RateLimitOverride> overrides() {
		return transactions.execute(status -> jdbc.sql("""
				SELECT subject, capacity, refill_per_minute, note, updated_at
				FROM system.rate_limit_overrides
				ORDER BY subject""").query(RateLimitOverrides::override).list());
	}

	@Override
	public RateLimitOverride set(String subject, int capacity, int refillPerMinute, String note) {
		RateLimitOverride saved = transactions.execute(status -> jdbc.sql("""
				INSERT INTO system.rate_limit_overrides (subject, capacity, refill_per_minute, note)
				VALUES (:subject, :capacity, :refill, :note)
				ON CONFLICT (subject) DO UPDATE
				SET capacity = EXCLUDED.capacity,
				    refill_per_minute = EXCLUDED.refill_per_minute,
				    note = EXCLUDED.note
				RETURNING subject, capacity, refill_per_minute, note, updated_at""")
			.param("subject", subject)
			.param("capacity", capacity)
			.param("refill", refillPerMinute)
			.param("note", note)
			.query(RateLimitOverrides::override)
			.single());
		reload();
		return saved;
	}

	@Override
	public boolean remove(String subject) {
		Integer removed = transactions
			.execute(status -> jdbc.sql("DELETE FROM system.rate_limit_overrides WHERE subject = :subject")
				.param("subject", subject)
				.update());
		reload();
		return removed != null && removed > 0;
	}

	private static RateLimitOverride override(ResultSet row, int n) throws SQLException {
		return new RateLimitOverride(row.getString("subject"), row.getInt("capacity"), row.getInt("refill_per_minute"),
				row.getString("note"), row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
