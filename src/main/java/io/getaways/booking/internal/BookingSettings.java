package io.getaways.booking.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code getaways.bookings.*}: limits of one booking, how long a hold lasts, the jobs' pace, the refund policy, the
 * retry budget of one booking transaction, and how many of them may run at once ({@code max-concurrent-transactions},
 * 0 for half the customer pool; see {@link WriteBulkhead}). Contradictions fail at startup with the property and its
 * value.
 */
@ConfigurationProperties("getaways.bookings")
record BookingSettings(Duration holdDuration, int maxSeats, int maxNights, int jobBatchSize, Refund refund,
		Retry retry, int maxConcurrentTransactions, Duration transactionWait) {

	BookingSettings {
		holdDuration = holdDuration == null ? Duration.ofMinutes(15) : holdDuration;
		maxSeats = maxSeats == 0 ? 10 : maxSeats;
		maxNights = maxNights == 0 ? 60 : maxNights;
		jobBatchSize = jobBatchSize == 0 ? 100 : jobBatchSize;
		refund = refund == null ? new Refund(null) : refund;
		retry = retry == null ? new Retry(0, null, null) : retry;
		transactionWait = transactionWait == null ? Duration.ofSeconds(5) : transactionWait;
		require(!holdDuration.isNegative() && !holdDuration.isZero(), "hold-duration", holdDuration);
		require(maxSeats >= 1, "max-seats", maxSeats);
		require(maxNights >= 1, "max-nights", maxNights);
		require(jobBatchSize >= 1 && jobBatchSize <= 10_000, "job-batch-size", jobBatchSize);
		require(maxConcurrentTransactions >= 0, "max-concurrent-transactions", maxConcurrentTransactions);
		require(!transactionWait.isNegative(), "transaction-wait", transactionWait);
	}

	/** {@code tiers}: "notice:percent" pairs such as {@code 30d:100,7d:50}; see {@link RefundPolicy}. */
	record Refund(List<String> tiers) {

		Refund {
			tiers = tiers == null ? List.of("30d:100", "7d:50") : List.copyOf(tiers);
		}
	}

	/** Attempts of one transaction in all; the backoff doubles from the initial delay up to the maximum. */
	record Retry(int maxAttempts, Duration initialDelay, Duration maxDelay) {

		Retry {
			maxAttempts = maxAttempts == 0 ? 5 : maxAttempts;
			initialDelay = initialDelay == null ? Duration.ofMillis(10) : initialDelay;
			maxDelay = maxDelay == null ? Duration.ofMillis(400) : maxDelay;
			require(maxAttempts >= 1 && maxAttempts <= 20, "retry.max-attempts", maxAttempts);
			require(!initialDelay.isNegative() && initialDelay.compareTo(maxDelay) <= 0, "retry.initial-delay",
					initialDelay + " (must be between 0 and retry.max-delay " + maxDelay + ")");
		}
	}

	private static void require(boolean valid, String property, Object value) {
		if (!valid) {
			throw new IllegalArgumentException("getaways.bookings." + property + " is invalid: " + value);
		}
	}
}
