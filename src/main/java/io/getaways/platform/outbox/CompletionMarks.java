package io.getaways.platform.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the outbox's state marks (a listener started, a listener finished) in batches on
 * a thread of its own, instead of one transaction per mark on the thread that ran the
 * listener. A booking's commit used to be followed by two transactions per listener, each
 * needing a pooled connection while the request still held its own; now a mark costs a
 * queue offer, and one transaction carries every mark that arrived while the previous one
 * was written.
 *
 * <p>
 * A mark not yet written when the instance dies leaves its publication incomplete, so the
 * resubmission job hands it to its listener again: the delivery guarantee stays at least
 * once, as it always was for a crash between a listener's effect and its completion mark.
 * Stopping writes what is queued before the pool closes.
 */
final class CompletionMarks implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CompletionMarks.class);

	private static final int MAX_BATCH = 500;

	private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

	/*
	 * One statement per publication, sent as one JDBC batch: a statement over an array of
	 * ids would be planned once per connection, possibly while the table is still small,
	 * and keep scanning it whole after it has grown.
	 */
	private static final String MARK_PROCESSING = """
			UPDATE app.event_publication
			SET status = 'PROCESSING'
			WHERE id = ?
			  AND status IN ('PUBLISHED', 'RESUBMITTED')""";

	private static final String MARK_COMPLETED = """
			UPDATE app.event_publication
			SET status = 'COMPLETED',
			    completion_date = ?
			WHERE id = ?""";

	/** A mark for one publication: processing when {@code completedAt} is null. */
	record Mark(UUID id, Instant completedAt) {
	}

	private final BlockingQueue<Mark> queue;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate ownTransactions;

	private final Counter written;

	private final Counter batches;

	private volatile Thread writer;

	private volatile boolean running;

	CompletionMarks(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, int capacity,
			MeterRegistry meters) {
		this.queue = new LinkedBlockingQueue<>(capacity);
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.ownTransactions = new TransactionTemplate(transactionManager);
		this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.written = Counter.builder("getaways.outbox.marks.written")
			.description("Outbox state marks written by the batching writer")
			.register(meters);
		this.batches = Counter.builder("getaways.outbox.marks.batches")
			.description("Transactions the batching writer used for them")
			.register(meters);
		Gauge.builder("getaways.outbox.marks.queued", queue, BlockingQueue::size)
			.description("Outbox state marks waiting to be written")
			.register(meters);
	}

	/**
	 * Queues the mark; false when the writer is not running or is too far behind, and the
	 * caller writes it itself.
	 */
	boolean offer(Mark mark) {
		return running && queue.offer(mark);
	}

	/**
	 * A mark written at once, as the caller's actor, in a transaction of its own: what
	 * the registry's own transaction used to be for it.
	 */
	void inOwnTransaction(Runnable write) {
		ownTransactions.executeWithoutResult(status -> write.run());
	}

	@Override
	public void start() {
		running = true;
		Thread thread = new Thread(this::writeUntilStopped, "outbox-marks");
		thread.setDaemon(true);
		writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = writer;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		List<Mark> rest = new ArrayList<>();
		queue.drainTo(rest);
		if (!rest.isEmpty()) {
			try {
				write(rest);
			}
			catch (RuntimeException ex) {
				log.warn("Outbox: {} state marks not written at shutdown; their publications will be resubmitted: {}",
						rest.size(), ex.getMessage());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Stops after the web server and the schedulers, so that their last marks are still
	 * queued and written.
	 */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	private void writeUntilStopped() {
		List<Mark> batch = new ArrayList<>();
		while (running) {
			try {
				if (batch.isEmpty()) {
					batch.add(queue.take());
					queue.drainTo(batch, MAX_BATCH - 1);
				}
				write(batch);
				batch.clear();
			}
			catch (InterruptedException ex) {
				break;
			}
			catch (RuntimeException ex) {
				// PostgreSQL is unreachable: keep the batch and try again, the queue
				// fills meanwhile
				log.warn("Outbox: writing {} state marks failed, retrying in {}: {}", batch.size(), RETRY_DELAY,
						ex.getMessage());
				try {
					Thread.sleep(RETRY_DELAY.toMillis());
				}
				catch (InterruptedException interrupted) {
					break;
				}
			}
		}
		queue.addAll(batch);
	}

	private void write(List<Mark> batch) {
		Map<UUID, Instant> completed = new LinkedHashMap<>();
		Set<UUID> processing = new LinkedHashSet<>();
		for (Mark mark : batch) {
			if (mark.completedAt() != null) {
				completed.put(mark.id(), mark.completedAt());
			}
			else {
				processing.add(mark.id());
			}
		}
		processing.removeAll(completed.keySet());
		ActorContext.runAs(Actor.job("outbox-marks"), () -> transactions.executeWithoutResult(status -> {
			if (!processing.isEmpty()) {
				jdbc.batchUpdate(MARK_PROCESSING, processing.stream().map(id -> new Object[] { id }).toList());
			}
			if (!completed.isEmpty()) {
				jdbc.batchUpdate(MARK_COMPLETED,
						completed.entrySet()
							.stream()
							.map(mark -> new Object[] { Timestamp.from(mark.getValue()), mark.getKey() })
							.toList());
			}
		}));
		written.increment(batch.size());
		batches.increment();
	}

}
