package io.getaways.operations.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.getaways.booking.TestBookingApi;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A backup taken while travellers keep booking loses nothing committed before its
 * consistent point: every booking whose 201 arrived before that point is in the restored
 * copy.
 */
@IntegrationTest
class BackupUnderLoadIT {

	private static final int CLIENTS = 4;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	BackupOperations operations;

	@Test
	void aBackupUnderBookingLoadHoldsEveryBookingAnsweredBeforeItsPoint(@TempDir Path temp) throws Exception {
		assumeFalse(TestStores.external(), "the built-in backup engine copies the embedded server's data directory");
		TestBookingApi fixtures = new TestBookingApi(context, new HttpApi(port));
		String trip = fixtures.trip(100_000, "50.00",
				Instant.now().plus(Duration.ofDays(200)).truncatedTo(ChronoUnit.SECONDS));
		Map<String, Instant> answered = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		BackupManifest backup;
		try {
			List<Future<?>> load = new java.util.ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				String token = accessToken(fixtures.accounts().newCustomer());
				load.add(clients.submit(() -> {
					while (running.get()) {
						String id = fixtures.bookOk(token, json("tripCode", trip, "seats", 1));
						answered.put(id, Instant.now());
					}
					return null;
				}));
			}
			Thread.sleep(500);
			backup = operations.create(Progress.NONE);
			Thread.sleep(500);
			running.set(false);
			for (Future<?> client : load) {
				client.get();
			}
		}
		finally {
			running.set(false);
			clients.shutdownNow();
		}
		Instant point = backup.postgres().consistentAt();
		List<String> beforePoint = answered.entrySet()
			.stream()
			.filter(e -> e.getValue().isBefore(point))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(beforePoint).as("bookings answered before the consistent point").hasSizeGreaterThan(10);
		assertThat(answered.size()).as("the load went on past the point").isGreaterThan(beforePoint.size());

		Path into = temp.resolve("restored");
		operations.restore(new RecoveryTarget.BackupPoint(), backup.id(), into, Progress.NONE);

		try (RestoredPostgres restored = RestoredPostgres.start(into.resolve("postgres"), Duration.ofMinutes(5));
				Connection connection = restored.database("getaways").getConnection();
				var select = connection
					.prepareStatement("SELECT count(*) FROM app.bookings WHERE id = ANY (?::uuid[])")) {
			select.setArray(1, connection.createArrayOf("text", beforePoint.toArray()));
			try (var row = select.executeQuery()) {
				row.next();
				assertThat(row.getLong(1)).isEqualTo(beforePoint.size());
			}
		}
	}

}
