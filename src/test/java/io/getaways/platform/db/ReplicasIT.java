package io.getaways.platform.db;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.getaways.booking.TestBookingApi;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.PrimaryReads;
import io.getaways.support.CommandLineRuns;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read replicas end to end, on an application of its own with two embedded streaming
 * standbys and synchronous replication: where reads and writes run, read-your-writes
 * while replay is paused, a standby killed under load, and a failover to a promoted
 * standby. The tests build on each other (the last two destroy what they use), so they
 * run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

	private ReplicatedInstance instance;

	private HttpApi http;

	private TestBookingApi bookings;

	private String trip;

	@BeforeAll
	void start() {
		instance = ReplicatedInstance.start(2, "--getaways.replicas.synchronous=true");
		http = instance.http();
		bookings = new TestBookingApi(instance.context(), http);
		trip = bookings.trip(100_000, "10.00", Instant.now().plus(90, ChronoUnit.DAYS));
	}

	@AfterAll
	void stop() {
		if (instance != null) {
			instance.close();
		}
	}

	@Test
	@Order(1)
	void readOnlyTransactionsRunOnAReplicaAsTheSameRoleWithTheSameContextAndWritesOnThePrimary() {
		TransactionTemplate reads = new TransactionTemplate(
				instance.context().getBean(PlatformTransactionManager.class));
		reads.setReadOnly(true);
		TransactionTemplate writes = new TransactionTemplate(
				instance.context().getBean(PlatformTransactionManager.class));
		JdbcClient jdbc = instance.context().getBean(JdbcClient.class);
		String userId = UUID.randomUUID().toString();
		Actor customer = new Actor(Actor.Role.CUSTOMER, userId, "replica test", null, null, null);

		Map<String, Object> onRead = ActorContext.callAs(customer,
				() -> reads.execute(status -> jdbc.sql("""
						SELECT pg_is_in_recovery() AS recovery, current_user AS role,
						       current_setting('app.user_id') AS user_id, current_setting('port') AS port""")
					.query()
					.singleRow()));
		assertThat(onRead.get("recovery")).isEqualTo(true);
		assertThat(onRead.get("role")).isEqualTo("getaways_customer");
		assertThat(onRead.get("user_id")).isEqualTo(userId);
		Boolean onWrite = ActorContext.callAs(customer,
				() -> writes.execute(status -> jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single()));
		assertThat(onWrite).isFalse();

		// a read that must not lag (the deny-list while Redis is down) runs on the
		// primary, and being read-only leaves its user no read-your-writes position
		ConsistencyTokens tokens = instance.context().getBean(ConsistencyTokens.class);
		Actor another = new Actor(Actor.Role.CUSTOMER, UUID.randomUUID().toString(), "replica test", null, null, null);
		int kept = tokens.kept();
		Boolean onPrimaryRead = PrimaryReads.call(() -> ActorContext.callAs(another,
				() -> reads.execute(status -> jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single())));
		assertThat(onPrimaryRead).isFalse();
		assertThat(tokens.kept()).isEqualTo(kept);

		Health health = instance.context().getBean("replicasHealthIndicator", HealthIndicator.class).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKeys("replica-1", "replica-2");
		assertThat(((Map<?, ?>) health.getDetails().get("replica-1")).get("state")).isEqualTo(ReplicaStatus.State.UP);
		assertThat(instance.context()
			.getBean(MeterRegistry.class)
			.find("getaways.replica.lag.seconds")
			.tag("replica", "replica-2")
			.gauge()).isNotNull();

		// an API read: the signed-in user's own account, through @Transactional(readOnly
		// = true), answered from a replica once it has replayed the registration
		String token = TestAccounts.accessToken(new TestAccounts(http).newCustomer());
		double before = instance.reads("replica-1") + instance.reads("replica-2");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Answer me = new TestAccounts(http).get("/api/v1/me", token);
			assertThat(me.status()).as(me.toString()).isEqualTo(200);
			assertThat(instance.reads("replica-1") + instance.reads("replica-2")).isGreaterThan(before);
		});
	}

	@Test
	@Order(2)
	void whileReplayIsPausedAUserWhoJustBookedSeesTheBookingAndOthersReadOnThePrimaryOnceTheLagIsTooLong() {
		TestAccounts accounts = new TestAccounts(http);
		String booker = TestAccounts.accessToken(accounts.newCustomer());
		String other = TestAccounts.accessToken(accounts.newCustomer());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> accounts.get("/api/v1/me", other).status() == 200 && bothServe());
		pauseReplay(true);
		try {
			Answer booked = bookings.book(booker, TestBookingApi.tripBody(trip, 1));
			assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
			String id = booked.json().path("id").asString();
			assertThat(booked.headers().firstValue(ConsistencyTokens.HEADER)).isPresent();

			Answer seen = accounts.get("/api/v1/bookings/" + id, booker);
			assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
			assertThat(seen.json().path("id").asString()).isEqualTo(id);
			// the replicas really do not have it: the read went to the primary
			for (String replica : List.of("replica-1", "replica-2")) {
				long onReplica = instance.onStandby(replica,
						sql -> sql.sql("SELECT count(*) FROM app.bookings WHERE id = ?::uuid")
							.param(id)
							.query(Long.class)
							.single());
				assertThat(onReplica).isZero();
			}

			await().atMost(Duration.ofSeconds(10))
				.until(() -> instance.set().replicas().stream().noneMatch(r -> r.status().serves()));
			assertThat(instance.replica("replica-1").status().state()).isEqualTo(ReplicaStatus.State.LAGGING);
			double replicaReads = instance.reads("replica-1") + instance.reads("replica-2");
			double primaryReads = instance.reads(ReplicaSet.PRIMARY);
			Answer me = accounts.get("/api/v1/me", other);
			assertThat(me.status()).as(me.toString()).isEqualTo(200);
			assertThat(instance.reads(ReplicaSet.PRIMARY)).isGreaterThan(primaryReads);
			assertThat(instance.reads("replica-1") + instance.reads("replica-2")).isEqualTo(replicaReads);
		}
		finally {
			pauseReplay(false);
		}
		instance.awaitServing("replica-1", "replica-2");
	}

	@Test
	@Order(3)
	void killingAReplicaUnderLoadFailsNoRequest() throws Exception {
		TestAccounts accounts = new TestAccounts(http);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			tokens.add(TestAccounts.accessToken(accounts.newCustomer()));
		}
		await().atMost(Duration.ofSeconds(10)).until(this::bothServe);
		double replica2Before = instance.reads("replica-2");
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger answered = new AtomicInteger();
		List<String> failures = new CopyOnWriteArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(tokens.size());
		for (String token : tokens) {
			clients.submit(() -> {
				while (running.get()) {
					for (String path : List.of("/api/v1/me", "/api/v1/bookings")) {
						Answer answer = accounts.get(path, token);
						answered.incrementAndGet();
						if (answer.status() != 200) {
							failures.add(path + " " + answer.status() + " " + answer.body());
						}
					}
				}
			});
		}
		Thread.sleep(2000);
		assertThat(instance.reads("replica-2")).isGreaterThan(replica2Before);
		instance.standby("replica-2").postmaster().orElseThrow().destroyForcibly();
		Thread.sleep(4000);
		running.set(false);
		clients.shutdown();
		assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		assertThat(failures).isEmpty();
		assertThat(answered.get()).isGreaterThan(100);
		assertThat(instance.replica("replica-2").status().state()).isEqualTo(ReplicaStatus.State.DOWN);
		assertThat(instance.replica("replica-1").status().serves()).isTrue();

		CommandLineRuns.Result list = CommandLineRuns.run("replica", "list",
				"--getaways.data-dir=" + instance.dataDir());
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.out()).containsPattern("replica-1 +standby +[0-9A-F]+/[0-9A-F]+")
			.containsPattern("replica-2 +unreachable")
			.contains("2 replicas, 1 standing by");
	}

	@Test
	@Order(4)
	void afterThePrimaryDiesAPromotedReplicaTakesWritesWithinTenSecondsAndNoConfirmedBookingIsLost() throws Exception {
		TestAccounts accounts = new TestAccounts(http);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			tokens.add(TestAccounts.accessToken(accounts.newCustomer()));
		}
		AtomicBoolean running = new AtomicBoolean(true);
		Set<String> confirmed = ConcurrentHashMap.newKeySet();
		List<Instant> confirmedAt = new CopyOnWriteArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(tokens.size());
		for (String token : tokens) {
			clients.submit(() -> {
				while (running.get()) {
					try {
						Answer answer = bookings.book(token, TestBookingApi.tripBody(trip, 1));
						if (answer.status() == 201) {
							confirmed.add(answer.json().path("id").asString());
							confirmedAt.add(Instant.now());
						}
					}
					catch (RuntimeException ex) {
						// refused while no primary exists; the client tries again
					}
				}
			});
		}
		Thread.sleep(2000);
		int beforeCrash = confirmed.size();
		assertThat(beforeCrash).isPositive();
		instance.primaryPostmaster().destroyForcibly();
		Instant crashed = Instant.now();
		CommandLineRuns.Result promoted = CommandLineRuns.run("replica", "promote", "replica-1",
				"--getaways.data-dir=" + instance.dataDir());
		assertThat(promoted.exitCode()).as(promoted.toString()).isZero();
		assertThat(promoted.out()).contains("promoted replica-1");
		Instant promotedAt = Instant.now();
		await().atMost(Duration.ofSeconds(10)).until(() -> confirmedAt.stream().anyMatch(at -> at.isAfter(promotedAt)));
		Instant resumed = confirmedAt.stream()
			.filter(at -> at.isAfter(promotedAt))
			.min(Instant::compareTo)
			.orElseThrow();
		Thread.sleep(1000);
		running.set(false);
		clients.shutdown();
		assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		System.out.printf(
				"failover: promote command took %d ms after the crash, writes resumed %d ms after it; "
						+ "%d bookings confirmed, %d before the crash%n",
				Duration.between(crashed, promotedAt).toMillis(), Duration.between(promotedAt, resumed).toMillis(),
				confirmed.size(), beforeCrash);
		assertThat(Duration.between(promotedAt, resumed)).isLessThan(Duration.ofSeconds(10));
		long kept = instance.onStandby("replica-1",
				sql -> sql.sql("SELECT count(*) FROM app.bookings WHERE id = ANY(?::uuid[])")
					.param(confirmed.toArray(String[]::new))
					.query(Long.class)
					.single());
		assertThat(kept).as("bookings confirmed to clients, %d before the crash at %s", beforeCrash, crashed)
			.isEqualTo(confirmed.size());
		assertThat(instance.replica("replica-1").status().state()).isEqualTo(ReplicaStatus.State.PROMOTED);
	}

	private boolean bothServe() {
		return instance.replica("replica-1").status().serves() && instance.replica("replica-2").status().serves();
	}

	private void pauseReplay(boolean pause) {
		for (String replica : List.of("replica-1", "replica-2")) {
			instance.onStandby(replica,
					sql -> sql.sql(pause ? "SELECT pg_wal_replay_pause()::text" : "SELECT pg_wal_replay_resume()::text")
						.query(String.class)
						.single());
		}
	}

}
