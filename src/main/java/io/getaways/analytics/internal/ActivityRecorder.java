package io.getaways.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.getaways.analytics.internal.ActivityRepository.Recorded;
import io.getaways.catalog.ListingViewed;
import io.getaways.search.SearchPerformed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionException;

/**
 * Searches and listing views, recorded off the request path: a listener only queues the
 * event (no I/O, no lock), and a scheduled flush writes what was queued in batches. A
 * crash or a failed flush loses what was queued; these are statistics, not records, and
 * the request never waits for them. Beyond the buffer limit new events are counted as
 * dropped instead of growing the heap while PostgreSQL is away.
 */
class ActivityRecorder {

	private static final Logger log = LoggerFactory.getLogger(ActivityRecorder.class);

	private static final int BATCH = 1_000;

	private final Queue<Recorded> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final ActivityRepository repository;

	private final int limit;

	private final Counter dropped;

	private final Counter written;

	ActivityRecorder(ActivityRepository repository, AnalyticsSettings settings, MeterRegistry registry) {
		this.repository = repository;
		this.limit = settings.bufferLimit();
		this.dropped = Counter.builder("getaways.analytics.recorded.dropped")
			.description("Searches and views not recorded: buffer full or a flush failed")
			.register(registry);
		this.written = Counter.builder("getaways.analytics.recorded.written")
			.description("Searches and views written to the analytics tables")
			.register(registry);
	}

	@EventListener
	void on(SearchPerformed event) {
		offer(Recorded.search(event));
	}

	@EventListener
	void on(ListingViewed event) {
		offer(Recorded.view(event));
	}

	private void offer(Recorded recorded) {
		if (recorded == null) {
			return;
		}
		if (queued.incrementAndGet() > limit) {
			queued.decrementAndGet();
			dropped.increment();
			return;
		}
		queue.add(recorded);
	}

	/** Writes everything queued so far; returns how many records were written. */
	@Scheduled(fixedDelayString = "${getaways.analytics.flush-interval:2s}")
	synchronized int flush() {
		int total = 0;
		List<Recorded> batch = new ArrayList<>(BATCH);
		Recorded next;
		while ((next = queue.poll()) != null) {
			queued.decrementAndGet();
			batch.add(next);
			if (batch.size() == BATCH) {
				total += write(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			total += write(batch);
		}
		return total;
	}

	private int write(List<Recorded> batch) {
		try {
			repository.insert(batch);
			written.increment(batch.size());
			return batch.size();
		}
		catch (DataAccessException | TransactionException ex) {
			dropped.increment(batch.size());
			log.warn("Analytics: {} recorded searches and views lost, the flush failed: {}", batch.size(),
					ex.getMessage());
			return 0;
		}
	}

}
