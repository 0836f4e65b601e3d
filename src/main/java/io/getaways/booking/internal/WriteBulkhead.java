package io.getaways.booking.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most so many booking transactions at once: half the customer pool unless configured.
 * Booking transactions queue on the same few trip rows' locks, so more of them at once
 * only hold more connections while they wait, and the rest of the service (reads,
 * sign-ins, the outbox's listeners) would find the pool empty. Waiting here instead is
 * bounded too, and answers 503 with Retry-After when it runs out.
 */
@Component
class WriteBulkhead {

	private final Semaphore permits;

	private final int size;

	private final Duration wait;

	private final Counter rejected;

	private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

	WriteBulkhead(BookingSettings settings, @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
			MeterRegistry meters) {
		this.size = settings.maxConcurrentTransactions() > 0 ? settings.maxConcurrentTransactions()
				: Math.max(1, poolSize / 2);
		this.permits = new Semaphore(size, true);
		this.wait = settings.transactionWait();
		this.rejected = Counter.builder("getaways.bookings.bulkhead.rejected")
			.description("Booking transactions refused because too many were running for too long")
			.register(meters);
	}

	int size() {
		return size;
	}

	/**
	 * Runs the work holding a permit; a thread that holds one already (a nested call)
	 * does not take another.
	 */
	<T> T run(String operation, Supplier<T> work) {
		if (holding.get()) {
			return work.get();
		}
		try {
			if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
				rejected.increment();
				throw new BookingsBusyException(operation, size, wait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to run " + operation, ex);
		}
		holding.set(true);
		try {
			return work.get();
		}
		finally {
			holding.set(false);
			permits.release();
		}
	}

}
