package io.getaways.booking.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.getaways.platform.web.DomainStatuses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingTransactionsTest {

	@Test
	void namesTheTransientFailureFoundAnywhereInTheCauseChain() {
		assertThat(RetryingTransactions
			.transientState(new CannotAcquireLockException("lost", new SQLException("deadlock detected", "40P01"))))
			.isEqualTo("40P01");
		assertThat(RetryingTransactions.transientState(new RuntimeException(new SQLException("x", "40001"))))
			.isEqualTo("40001");
		assertThat(RetryingTransactions.transientState(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("customer - Connection is not available"))))
			.isEqualTo("pool");
		assertThat(RetryingTransactions.transientState(new SQLException("refused", "08001"))).isEqualTo("08001");
		assertThat(RetryingTransactions
			.transientState(new DataIntegrityViolationException("taken", new SQLException("exclusion", "23P01"))))
			.isNull();
		assertThat(RetryingTransactions.transientState(new SQLException("no state"))).isNull();
		assertThat(RetryingTransactions.transientState(new IllegalStateException())).isNull();
	}

	@Test
	void retriesATransientFailureBoundedThenAnswersBusy() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		BookingSettings settings = new BookingSettings(null, 0, 0, 0, null,
				new BookingSettings.Retry(3, Duration.ofMillis(1), Duration.ofMillis(4)), 0, Duration.ofSeconds(5),
				Duration.ofHours(48));
		RetryingTransactions transactions = new RetryingTransactions(new NoOpTransactions(), settings, meters,
				new WriteBulkhead(settings, 16, meters));
		AtomicInteger attempts = new AtomicInteger();

		String answer = transactions.write("test", status -> {
			if (attempts.incrementAndGet() < 3) {
				throw new CannotAcquireLockException("lost", new SQLException("deadlock", "40P01"));
			}
			return "done";
		});
		assertThat(answer).isEqualTo("done");
		assertThat(meters.counter("getaways.bookings.retries", "operation", "test", "sqlstate", "40P01").count())
			.isEqualTo(2);

		attempts.set(0);
		assertThatThrownBy(() -> transactions.write("test", status -> {
			attempts.incrementAndGet();
			throw new CannotAcquireLockException("lost", new SQLException("serialization", "40001"));
		})).isInstanceOfSatisfying(BookingsBusyException.class, busy -> {
			assertThat(DomainStatuses.of(busy).value()).isEqualTo(503);
			assertThat(busy.headers()).containsEntry("Retry-After", "1");
		});
		assertThat(attempts).hasValue(3);

		attempts.set(0);
		assertThatThrownBy(() -> transactions.write("test", status -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("not transient");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(attempts).as("never retried").hasValue(1);
	}

	@Test
	void theBulkheadLetsHalfThePoolInAndRefusesAfterItsWait() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		WriteBulkhead bulkhead = new WriteBulkhead(
				new BookingSettings(null, 0, 0, 0, null, null, 0, Duration.ofMillis(50), Duration.ofHours(48)), 2,
				meters);
		assertThat(bulkhead.size()).isEqualTo(1);
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch leave = new CountDownLatch(1);
		Thread holder = new Thread(() -> bulkhead.run("hold", () -> {
			inside.countDown();
			await(leave);
			return null;
		}));
		holder.start();
		inside.await();

		assertThatThrownBy(() -> bulkhead.run("second", () -> "never")).isInstanceOfSatisfying(
				BookingsBusyException.class, busy -> assertThat(DomainStatuses.of(busy).value()).isEqualTo(503));
		assertThat(meters.counter("getaways.bookings.bulkhead.rejected").count()).isEqualTo(1);
		leave.countDown();
		holder.join();
		assertThat(bulkhead.run("outer", () -> bulkhead.run("nested", () -> "both"))).isEqualTo("both");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Runs the callback without a database: only the retry loop is under test here. */
	private static final class NoOpTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
