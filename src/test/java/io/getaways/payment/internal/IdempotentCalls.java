package io.getaways.payment.internal;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import io.getaways.identity.UserAccount;
import io.getaways.payment.IdempotentRequests.IdempotentCall;
import io.getaways.payment.TestPayers;
import io.getaways.platform.ActorContext;

/**
 * IdempotentRequests called as the booking module's controllers call it, for the
 * idempotency tests.
 */
final class IdempotentCalls {

	static final String PATH = "/api/v1/bookings/42/payment";

	private IdempotentCalls() {
	}

	/** What a pay endpoint might answer. */
	public record Paid(String paymentId, String amount) {
	}

	static IdempotentCall call(String key, String body) {
		return new IdempotentCall(key, "POST", PATH, body);
	}

	static String newKey() {
		return "key-" + UUID.randomUUID();
	}

	static <T> T as(UserAccount user, Supplier<T> work) {
		return ActorContext.callAs(TestPayers.customer(user), work);
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
