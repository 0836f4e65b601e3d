package io.getaways.booking.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a whole booking transaction again when PostgreSQL gave it up to let a concurrent
 * one through (serialization failure 40001, deadlock 40P01) or no connection could be
 * had: exponential backoff with jitter, a bounded number of attempts, each retry counted
 * in {@code getaways.bookings.retries}. Always a transaction of its own, since retrying
 * inside a caller's failed transaction could not work, and only so many at once
 * ({@link WriteBulkhead}). When the attempts run out the caller gets 503 with
 * Retry-After, never a 500.
 */
@Component
class RetryingTransactions {

	private static final Logger log = LoggerFactory.getLogger(RetryingTransactions.class);

	private static final Set<String> TRANSIENT = Set.of("40001", "40P01");

	private final TransactionTemplate readWrite;

	private final TransactionTemplate readOnly;

	private final BookingSettings.Retry retry;

	private final MeterRegistry meters;

	private final WriteBulkhead bulkhead;

	RetryingTransactions(PlatformTransactionManager transactionManager, BookingSettings settings, MeterRegistry meters,
			WriteBulkhead bulkhead) {
		this.readWrite = new TransactionTemplate(transactionManager);
		this.readWrite.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.retry = settings.retry();
		this.meters = meters;
		this.bulkhead = bulkhead;
	}

	<T> T write(String operation, TransactionCallback<T> work) {
		return bulkhead.run(operation, () -> withRetries(operation, work));
	}

	private <T> T withRetries(String operation, TransactionCallback<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return readWrite.execute(work);
			}
			catch (RuntimeException ex) {
				String state = transientState(ex);
				if (state == null) {
					throw ex;
				}
				if (attempt >= retry.maxAttempts()) {
					counter("getaways.bookings.retries.exhausted", operation, state).increment();
					log.warn("Bookings: {} gave up after {} attempts, last SQLSTATE {}", operation, attempt, state);
					throw new BookingsBusyException(operation, attempt, ex);
				}
				counter("getaways.bookings.retries", operation, state).increment();
				pause(attempt);
			}
		}
	}

	<T> T read(TransactionCallback<T> work) {
		return readOnly.execute(work);
	}

	/**
	 * The SQLSTATE of a transient failure anywhere in the cause chain, else null: a lost
	 * serialization or deadlock, a connection that failed (class 08), or no pooled
	 * connection free in time ("pool"), which under a burst is as passing as the others.
	 */
	static String transientState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				String state = sql.getSQLState();
				if (state != null && (TRANSIENT.contains(state) || state.startsWith("08"))) {
					return state;
				}
				if (sql instanceof SQLTransientConnectionException) {
					return "pool";
				}
			}
		}
		return null;
	}

	/**
	 * Full jitter over the upper half, so concurrent losers do not collide again in step.
	 */
	private void pause(int attempt) {
		long ceiling = Math.min(retry.maxDelay().toNanos(),
				retry.initialDelay().toNanos() << Math.min(attempt - 1, 20));
		long nanos = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry", ex);
		}
	}

	private Counter counter(String name, String operation, String state) {
		return Counter.builder(name)
			.description("Booking transactions run again after a serialization failure or deadlock")
			.tag("operation", operation)
			.tag("sqlstate", state)
			.register(meters);
	}

}
