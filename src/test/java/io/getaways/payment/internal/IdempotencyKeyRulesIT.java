package io.getaways.payment.internal;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.getaways.payment.IdempotentRequests;
import io.getaways.payment.internal.IdempotentCalls.Paid;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.web.DomainStatuses;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import static io.getaways.payment.internal.IdempotentCalls.as;
import static io.getaways.payment.internal.IdempotentCalls.call;
import static io.getaways.payment.internal.IdempotentCalls.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which keys and callers IdempotentRequests accepts, and that it refuses to run inside a
 * transaction.
 */
@IntegrationTest
class IdempotencyKeyRulesIT extends AbstractPaymentIT {

	@Autowired
	IdempotentRequests requests;

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "tab\tinside", "caf\u00e9", "line\nbreak" })
	void aMalformedKeyIsRefusedNamingTheHeader(String key) {
		assertThatThrownBy(() -> as(traveller,
				() -> requests.execute(call(key, "{}"), Paid.class, () -> ResponseEntity.ok(new Paid("x", "1.00")))))
			.isInstanceOfSatisfying(InvalidParameterException.class,
					invalid -> assertThat(invalid.parameter()).isEqualTo("Idempotency-Key"));
	}

	@Test
	void keysOfUpTo255VisibleCharactersAreAcceptedAndLongerOnesRefused() {
		String longest = "k".repeat(200) + UUID.randomUUID().toString().replace("-", "").substring(0, 23) + "!~#$%"
				+ "0123456789012345678901234567";
		assertThat(longest).hasSize(256);
		assertThatThrownBy(
				() -> as(traveller,
						() -> requests.execute(call(longest, "{}"), Paid.class,
								() -> ResponseEntity.ok(new Paid("x", "1.00")))))
			.isInstanceOf(InvalidParameterException.class);
		String fits = longest.substring(1);
		assertThat(as(traveller,
				() -> requests.execute(call(fits, "{}"), Paid.class, () -> ResponseEntity.ok(new Paid("x", "1.00"))))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void withoutAKeyTheActionSimplyRuns() {
		AtomicInteger runs = new AtomicInteger();
		for (int i = 0; i < 2; i++) {
			as(traveller, () -> requests.execute(call(null, "{}"), Paid.class, () -> {
				runs.incrementAndGet();
				return ResponseEntity.ok(new Paid("x", "1.00"));
			}));
		}
		assertThat(runs).hasValue(2);
	}

	@Test
	void aKeyWithoutASignedInUserIsRefused() {
		assertThatThrownBy(() -> ActorContext.callAs(Actor.anonymous(),
				() -> requests.execute(call(newKey(), "{}"), Paid.class,
						() -> ResponseEntity.ok(new Paid("x", "1.00")))))
			.isInstanceOfSatisfying(IdempotencyKeyWithoutUserException.class,
					refused -> assertThat(DomainStatuses.of(refused).value()).isEqualTo(401));
	}

	@Test
	void insideATransactionItRefusesToRunBecauseTheAnswerCouldOutliveARollback() {
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		AtomicInteger runs = new AtomicInteger();
		assertThatThrownBy(() -> as(traveller,
				() -> transactions.execute(status -> requests.execute(call(newKey(), "{}"), Paid.class,
						() -> ResponseEntity.ok(new Paid("p-" + runs.incrementAndGet(), "1.00"))))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("outside any transaction");
		assertThat(runs).hasValue(0);
	}

}
