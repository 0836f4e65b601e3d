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
import io.getaways.payment.IdempotentRequests;
import io.getaways.payment.IdempotentRequests.IdempotentCall;
import io.getaways.payment.PaymentTestData;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.InvalidParameterException;
import io.getaways.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IdempotentRequests on app.idempotency_keys, called as the booking module's controllers call it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentRequestsIT {

	private static final String PATH = "/api/v1/bookings/42/payment";

	@Autowired
	ApplicationContext context;

	@Autowired
	IdempotentRequests requests;

	@Autowired
	IdempotencyPurgeJob purgeJob;

	PaymentTestData data;
	UserAccount traveller;

	/** What a pay endpoint might answer. */
	public record Paid(String paymentId, String amount) {
	}

	@BeforeAll
	void setUp() {
		data = new PaymentTestData(context);
		traveller = data.newUser("customer");
	}

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
			assertThat(received).extracting(ResponseEntity::getBody).hasSize(clients).containsOnly(received.get(0)
				.getBody());
			assertThat(received).filteredOn(answer -> "true".equals(answer.getHeaders().getFirst("Idempotent-Replayed")))
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

		assertThatThrownBy(() -> as(traveller, () -> requests.execute(call(key, "{\"amount\":\"99.00\"}"),
				Paid.class, () -> ResponseEntity.ok(new Paid("q", "99.00")))))
			.isInstanceOfSatisfying(IdempotencyKeyReusedException.class, reused -> {
				assertThat(reused.status().value()).isEqualTo(422);
				assertThat(reused.properties().toString()).contains("parameter=Idempotency-Key");
			});
		IdempotentCall otherPath = new IdempotentCall(key, "POST", "/api/v1/bookings/43/payment",
				"{\"amount\":\"10.00\"}");
		assertThatThrownBy(() -> as(traveller,
				() -> requests.execute(otherPath, Paid.class, () -> ResponseEntity.ok(new Paid("r", "10.00")))))
			.isInstanceOf(IdempotencyKeyReusedException.class);
	}

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
	void anotherUsersIdenticalKeyIsIndependent() {
		String key = newKey();
		UserAccount other = data.newUser("customer");
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
			Future<ResponseEntity<Paid>> first = pool.submit(() -> as(traveller,
					() -> impatient.execute(call(key, "{}"), Paid.class, () -> {
						running.countDown();
						pause(Duration.ofMillis(1500));
						return ResponseEntity.ok(new Paid("slow", "1.00"));
					})));
			running.await();
			assertThatThrownBy(() -> as(traveller, () -> impatient.execute(call(key, "{}"), Paid.class,
					() -> ResponseEntity.ok(new Paid("never", "1.00")))))
				.isInstanceOfSatisfying(IdempotentRequestInProgressException.class, busy -> {
					assertThat(busy.status().value()).isEqualTo(409);
					assertThat(busy.headers()).containsEntry("Retry-After", "1");
				});
			assertThat(first.get().getBody()).isEqualTo(new Paid("slow", "1.00"));
		}
		finally {
			pool.shutdownNow();
		}
		// once it is done, the duplicate gets its answer
		assertThat(as(traveller, () -> impatient.execute(call(key, "{}"), Paid.class,
				() -> ResponseEntity.ok(new Paid("never", "1.00"))))
			.getBody()).isEqualTo(new Paid("slow", "1.00"));
	}

	@Test
	void anAbandonedKeyIsTakenOverByTheSameRequestOnly() {
		String key = newKey();
		IdempotentCall call = call(key, "{}");
		data.update("""
				INSERT INTO app.idempotency_keys
				  (user_id, idempotency_key, request_method, request_path, request_hash, created_at, updated_at,
				   expires_at)
				VALUES (?, ?, 'POST', ?, ?, now() - interval '1 hour', now() - interval '1 hour',
				  now() + interval '1 hour')""", traveller.id(), key, PATH, IdempotentRequestHandler.fingerprint(call));

		assertThatThrownBy(() -> as(traveller, () -> requests.execute(call(key, "{\"other\":1}"), Paid.class,
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
		data.update("""
				INSERT INTO app.idempotency_keys
				  (user_id, idempotency_key, request_method, request_path, request_hash, status, response_status,
				   response_body, created_at, expires_at)
				VALUES (?, ?, 'POST', ?, ?, 'COMPLETED', 200, '{"paymentId":"old","amount":"1.00"}',
				  now() - interval '2 days', now() - interval '1 day')""", traveller.id(), expired, PATH,
				IdempotentRequestHandler.fingerprint(expiredCall));
		as(traveller, () -> requests.execute(call(fresh, "{}"), Paid.class,
				() -> ResponseEntity.ok(new Paid("fresh", "1.00"))));
		String lapsed = newKey();
		data.update("""
				INSERT INTO app.idempotency_keys
				  (user_id, idempotency_key, request_method, request_path, request_hash, expires_at)
				VALUES (?, ?, 'POST', ?, '\\x00', now() - interval '1 second')""", traveller.id(), lapsed, PATH);

		ResponseEntity<Paid> rerun = as(traveller, () -> requests.execute(expiredCall, Paid.class,
				() -> ResponseEntity.ok(new Paid("new", "1.00"))));
		assertThat(rerun.getBody()).isEqualTo(new Paid("new", "1.00"));

		assertThat(purgeJob.purge()).isGreaterThanOrEqualTo(1);
		assertThat(keyRows(traveller, lapsed)).isZero();
		assertThat(keyRows(traveller, fresh)).isEqualTo(1);
		assertThat(keyRows(traveller, expired)).as("taken over, so no longer expired").isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "tab\tinside", "caf\u00e9", "line\nbreak" })
	void aMalformedKeyIsRefusedNamingTheHeader(String key) {
		assertThatThrownBy(() -> as(traveller, () -> requests.execute(call(key, "{}"), Paid.class,
				() -> ResponseEntity.ok(new Paid("x", "1.00")))))
			.isInstanceOfSatisfying(InvalidParameterException.class,
					invalid -> assertThat(invalid.parameter()).isEqualTo("Idempotency-Key"));
	}

	@Test
	void keysOfUpTo255VisibleCharactersAreAcceptedAndLongerOnesRefused() {
		String longest = "k".repeat(200) + UUID.randomUUID().toString().replace("-", "").substring(0, 23) + "!~#$%"
				+ "0123456789012345678901234567";
		assertThat(longest).hasSize(256);
		assertThatThrownBy(() -> as(traveller, () -> requests.execute(call(longest, "{}"), Paid.class,
				() -> ResponseEntity.ok(new Paid("x", "1.00")))))
			.isInstanceOf(InvalidParameterException.class);
		String fits = longest.substring(1);
		assertThat(as(traveller, () -> requests.execute(call(fits, "{}"), Paid.class,
				() -> ResponseEntity.ok(new Paid("x", "1.00"))))
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
		assertThatThrownBy(() -> ActorContext.callAs(Actor.anonymous(), () -> requests.execute(call(newKey(), "{}"),
				Paid.class, () -> ResponseEntity.ok(new Paid("x", "1.00")))))
			.isInstanceOfSatisfying(IdempotencyKeyWithoutUserException.class,
					refused -> assertThat(refused.status().value()).isEqualTo(401));
	}

	@Test
	void insideATransactionItRefusesToRunBecauseTheAnswerCouldOutliveARollback() {
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		AtomicInteger runs = new AtomicInteger();
		assertThatThrownBy(() -> as(traveller, () -> transactions.execute(status -> requests.execute(call(newKey(),
				"{}"), Paid.class, () -> ResponseEntity.ok(new Paid("p-" + runs.incrementAndGet(), "1.00"))))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("outside any transaction");
		assertThat(runs).hasValue(0);
	}

	private IdempotentRequests handlerWith(IdempotencySettings settings) {
		return new IdempotentRequestHandler(context.getBean(IdempotencyKeys.class), settings,
				new IdempotencyMetrics(new SimpleMeterRegistry()), context.getBean(JsonMapper.class),
				context.getBean(TransactionTemplate.class));
	}

	private long keyRows(UserAccount user, String key) {
		return data.queryLong("SELECT count(*) FROM app.idempotency_keys WHERE user_id = ? AND idempotency_key = ?",
				user.id(), key);
	}

	private static IdempotentCall call(String key, String body) {
		return new IdempotentCall(key, "POST", PATH, body);
	}

	private static String newKey() {
		return "key-" + UUID.randomUUID();
	}

	private static <T> T as(UserAccount user, Supplier<T> work) {
		return ActorContext.callAs(PaymentTestData.customer(user), work);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
