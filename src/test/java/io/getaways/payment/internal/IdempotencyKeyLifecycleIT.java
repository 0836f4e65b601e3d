package io.getaways.payment.internal;

import java.util.concurrent.atomic.AtomicInteger;

import io.getaways.identity.UserAccount;
import io.getaways.payment.IdempotentRequests;
import io.getaways.payment.IdempotentRequests.IdempotentCall;
import io.getaways.payment.internal.IdempotentCalls.Paid;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static io.getaways.payment.internal.IdempotentCalls.PATH;
import static io.getaways.payment.internal.IdempotentCalls.as;
import static io.getaways.payment.internal.IdempotentCalls.call;
import static io.getaways.payment.internal.IdempotentCalls.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a key row in app.idempotency_keys ends: released when the action fails, taken over
 * when abandoned, absent once expired and then purged.
 */
@IntegrationTest
class IdempotencyKeyLifecycleIT extends AbstractPaymentIT {

	@Autowired
	IdempotentRequests requests;

	@Autowired
	IdempotencyPurgeJob purgeJob;

	@Test
	void aKeyIsReleasedWhenTheActionThrowsOrAnswersWithoutSuccess() {
		String key = newKey();
		AtomicInteger runs = new AtomicInteger();
		assertThatThrownBy(() -> as(traveller, () -> requests.execute(call(key, "{}"), Paid.class, () -> {
			runs.incrementAndGet();
			throw new IllegalStateException("gateway unreachable");
		}))).hasMessage("gateway unreachable");
		assertThat(keyRows(traveller, key)).isZero();

		ResponseEntity<Paid> conflict = as(traveller, () -> requests.execute(call(key, "{}"), Paid.class, () -> {
			runs.incrementAndGet();
			return ResponseEntity.status(HttpStatus.CONFLICT).build();
		}));
		assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(keyRows(traveller, key)).isZero();

		ResponseEntity<Paid> paid = as(traveller, () -> requests.execute(call(key, "{}"), Paid.class, () -> {
			runs.incrementAndGet();
			return ResponseEntity.ok(new Paid("p", "1.00"));
		}));
		assertThat(paid.getHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(runs).hasValue(3);
		assertThat(keyRows(traveller, key)).isEqualTo(1);
	}

	@Test
	void anAbandonedKeyIsTakenOverByTheSameRequestOnly() {
		String key = newKey();
		IdempotentCall call = call(key, "{}");
		payers.update("""
				INSERT INTO app.idempotency_keys
				  (user_id, idempotency_key, request_method, request_path, request_hash, created_at, updated_at,
				   expires_at)
				VALUES (?, ?, 'POST', ?, ?, now() - interval '1 hour', now() - interval '1 hour',
				  now() + interval '1 hour')""", traveller.id(), key, PATH, IdempotentRequestHandler.fingerprint(call));

		assertThatThrownBy(() -> as(traveller,
				() -> requests.execute(call(key, "{\"other\":1}"), Paid.class,
						() -> ResponseEntity.ok(new Paid("other", "1.00")))))
			.isInstanceOf(IdempotencyKeyReusedException.class);
		ResponseEntity<Paid> retried = as(traveller,
				() -> requests.execute(call, Paid.class, () -> ResponseEntity.ok(new Paid("retried", "1.00"))));
		assertThat(retried.getBody()).isEqualTo(new Paid("retried", "1.00"));
		assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isNull();
	}

	@Test
	void expiredKeysCountAsAbsentAndThePurgeJobDeletesThem() {
		String expired = newKey();
		String fresh = newKey();
		IdempotentCall expiredCall = call(expired, "{}");
		payers.update("""
				INSERT INTO app.idempotency_keys
				  (user_id, idempotency_key, request_method, request_path, request_hash, status, response_status,
				   response_body, created_at, expires_at)
				VALUES (?, ?, 'POST', ?, ?, 'COMPLETED', 200, '{"paymentId":"old","amount":"1.00"}',
				  now() - interval '2 days', now() - interval '1 day')""", traveller.id(), expired, PATH,
				IdempotentRequestHandler.fingerprint(expiredCall));
		as(traveller, () -> requests.execute(call(fresh, "{}"), Paid.class,
				() -> ResponseEntity.ok(new Paid("fresh", "1.00"))));
		String lapsed = newKey();
		payers.update("""
				INSERT INTO app.idempotency_keys
				  (user_id, idempotency_key, request_method, request_path, request_hash, expires_at)
				VALUES (?, ?, 'POST', ?, '\\x00', now() - interval '1 second')""", traveller.id(), lapsed, PATH);

		ResponseEntity<Paid> rerun = as(traveller,
				() -> requests.execute(expiredCall, Paid.class, () -> ResponseEntity.ok(new Paid("new", "1.00"))));
		assertThat(rerun.getBody()).isEqualTo(new Paid("new", "1.00"));

		assertThat(purgeJob.purge()).isGreaterThanOrEqualTo(1);
		assertThat(keyRows(traveller, lapsed)).isZero();
		assertThat(keyRows(traveller, fresh)).isEqualTo(1);
		assertThat(keyRows(traveller, expired)).as("taken over, so no longer expired").isEqualTo(1);
	}

	private long keyRows(UserAccount user, String key) {
		return payers.queryLong("SELECT count(*) FROM app.idempotency_keys WHERE user_id = ? AND idempotency_key = ?",
				user.id(), key);
	}

}
