package io.getaways.payment.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.getaways.identity.UserAccount;
import io.getaways.payment.IdempotentRequests.IdempotentCall;
import io.getaways.payment.IdempotentRequests;
import io.getaways.payment.internal.IdempotentCalls.Paid;
import io.getaways.platform.web.DomainStatuses;
import io.getaways.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static io.getaways.payment.internal.IdempotentCalls.as;
import static io.getaways.payment.internal.IdempotentCalls.call;
import static io.getaways.payment.internal.IdempotentCalls.newKey;
import static io.getaways.payment.internal.IdempotentCalls.pause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One answer per idempotency key: the action runs once whoever repeats the request, and
 * every repeat gets the first answer, or a 409 while it is still running.
 */
@IntegrationTest
class IdempotentRequestsIT extends AbstractPaymentIT {

	@Autowired
	IdempotentRequests requests;

	@Test
	void tenConcurrentRequestsWithOneKeyRunTheActionOnceAndAllGetItsAnswer() throws Exception {
		String key = newKey();
		AtomicInteger runs = new AtomicInteger();
		int clients = 10;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<ResponseEntity<Paid>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < clients; i++) {
				answers.add(pool.submit((Callable<ResponseEntity<Paid>>) () -> {
					start.await();
					return as(traveller, () -> requests.execute(call(key, "{\"amount\":\"10.00\"}"), Paid.class, () -> {
						runs.incrementAndGet();
						pause(Duration.ofMillis(300));
						return ResponseEntity.status(HttpStatus.CREATED)
							.body(new Paid(UUID.randomUUID().toString(), "10.00"));
					}));
				}));
			}
			start.countDown();
			List<ResponseEntity<Paid>> received = new ArrayList<>();
			for (Future<ResponseEntity<Paid>> answer : answers) {
				received.add(answer.get());
			}
			assertThat(runs).hasValue(1);
			assertThat(received).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
			assertThat(received).extracting(ResponseEntity::getBody)
				.hasSize(clients)
				.containsOnly(received.get(0).getBody());
			assertThat(received)
				.filteredOn(answer -> "true".equals(answer.getHeaders().getFirst("Idempotent-Replayed")))
				.hasSize(clients - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aReplayHasTheFirstAnswersStatusAndBody() {
		String key = newKey();
		AtomicInteger runs = new AtomicInteger();
		Supplier<ResponseEntity<Paid>> pay = () -> {
			runs.incrementAndGet();
			return ResponseEntity.ok(new Paid("p-" + runs.get(), "12.50"));
		};
		ResponseEntity<Paid> first = as(traveller, () -> requests.execute(call(key, "{}"), Paid.class, pay));
		ResponseEntity<Paid> again = as(traveller, () -> requests.execute(call(key, "{}"), Paid.class, pay));

		assertThat(runs).hasValue(1);
		assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody()).isEqualTo(new Paid("p-1", "12.50"));
		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void theSameKeyForAnotherBodyOrPathIsRefusedWith422NamingTheHeader() {
		String key = newKey();
		as(traveller, () -> requests.execute(call(key, "{\"amount\":\"10.00\"}"), Paid.class,
				() -> ResponseEntity.ok(new Paid("p", "10.00"))));

		assertThatThrownBy(() -> as(traveller,
				() -> requests.execute(call(key, "{\"amount\":\"99.00\"}"), Paid.class,
						() -> ResponseEntity.ok(new Paid("q", "99.00")))))
			.isInstanceOfSatisfying(IdempotencyKeyReusedException.class, reused -> {
				assertThat(DomainStatuses.of(reused).value()).isEqualTo(422);
				assertThat(reused.properties().toString()).contains("parameter=Idempotency-Key");
			});
		IdempotentCall otherPath = new IdempotentCall(key, "POST", "/api/v1/bookings/43/payment",
				"{\"amount\":\"10.00\"}");
		assertThatThrownBy(() -> as(traveller,
				() -> requests.execute(otherPath, Paid.class, () -> ResponseEntity.ok(new Paid("r", "10.00")))))
			.isInstanceOf(IdempotencyKeyReusedException.class);
	}

	@Test
	void anotherUsersIdenticalKeyIsIndependent() {
		String key = newKey();
		UserAccount other = payers.newUser("customer");
		AtomicInteger runs = new AtomicInteger();
		Supplier<ResponseEntity<Paid>> pay = () -> ResponseEntity.ok(new Paid("p-" + runs.incrementAndGet(), "5.00"));

		ResponseEntity<Paid> mine = as(traveller, () -> requests.execute(call(key, "{}"), Paid.class, pay));
		ResponseEntity<Paid> theirs = as(other, () -> requests.execute(call(key, "{}"), Paid.class, pay));

		assertThat(runs).hasValue(2);
		assertThat(theirs.getHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(theirs.getBody()).isNotEqualTo(mine.getBody());
	}

	@Test
	void aDuplicateThatWaitsTooLongGets409WithRetryAfter() throws Exception {
		IdempotentRequests impatient = handlerWith(
				new IdempotencySettings(Duration.ofMillis(200), Duration.ofHours(24), Duration.ofMinutes(5)));
		String key = newKey();
		CountDownLatch running = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<ResponseEntity<Paid>> first = pool
				.submit(() -> as(traveller, () -> impatient.execute(call(key, "{}"), Paid.class, () -> {
					running.countDown();
					pause(Duration.ofMillis(1500));
					return ResponseEntity.ok(new Paid("slow", "1.00"));
				})));
			running.await();
			assertThatThrownBy(() -> as(traveller,
					() -> impatient.execute(call(key, "{}"), Paid.class,
							() -> ResponseEntity.ok(new Paid("never", "1.00")))))
				.isInstanceOfSatisfying(IdempotentRequestInProgressException.class, busy -> {
					assertThat(DomainStatuses.of(busy).value()).isEqualTo(409);
					assertThat(busy.headers()).containsEntry("Retry-After", "1");
				});
			assertThat(first.get().getBody()).isEqualTo(new Paid("slow", "1.00"));
		}
		finally {
			pool.shutdownNow();
		}
		// once it is done, the duplicate gets its answer
		assertThat(as(traveller,
				() -> impatient.execute(call(key, "{}"), Paid.class,
						() -> ResponseEntity.ok(new Paid("never", "1.00"))))
			.getBody()).isEqualTo(new Paid("slow", "1.00"));
	}

	private IdempotentRequests handlerWith(IdempotencySettings settings) {
		return new IdempotentRequestHandler(context.getBean(IdempotencyKeys.class), settings,
				new IdempotencyMetrics(new SimpleMeterRegistry()), context.getBean(JsonMapper.class),
				context.getBean(TransactionTemplate.class));
	}

}
