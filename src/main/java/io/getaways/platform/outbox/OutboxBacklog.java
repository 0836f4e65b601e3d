package io.getaways.platform.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the outbox's backlog for health and metrics. Both ask often (every scrape, every
 * probe), so an answer is reused for {@code getaways.outbox.status-cache-time}.
 */
@Component
class OutboxBacklog {

	private static final String STATUS = """
			SELECT count(*) AS backlog,
			       count(*) FILTER (WHERE status = 'FAILED') AS failed,
			       coalesce(extract(epoch FROM now() - min(publication_date)), 0) AS oldest_age_seconds
			FROM app.event_publication
			WHERE completion_date IS NULL
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Duration cacheTime;

	private final AtomicReference<Cached> last = new AtomicReference<>();

	OutboxBacklog(JdbcTemplate jdbc, TransactionTemplate transactions, OutboxSettings settings) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.cacheTime = settings.statusCacheTime();
	}

	OutboxStatus status() {
		Cached cached = last.get();
		long now = System.nanoTime();
		if (cached != null && now - cached.readAtNanos() < cacheTime.toNanos()) {
			return cached.status();
		}
		OutboxStatus status = ActorContext.callAs(Actor.job("outbox-monitor"),
				() -> transactions.execute(tx -> read()));
		last.set(new Cached(status, now));
		return status;
	}

	private OutboxStatus read() {
		return jdbc.queryForObject(STATUS, (rs, row) -> new OutboxStatus(rs.getLong("backlog"), rs.getLong("failed"),
				Duration.ofMillis(Math.round(rs.getDouble("oldest_age_seconds") * 1000))));
	}

	private record Cached(OutboxStatus status, long readAtNanos) {
	}

}
