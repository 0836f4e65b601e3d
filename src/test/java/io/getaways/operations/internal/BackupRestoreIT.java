package io.getaways.operations.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.getaways.GetawaysApplication;
import io.getaways.audit.AuditChain;
import io.getaways.booking.TestBookingApi;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The round trip an operator relies on, against the test JVM's embedded servers while the
 * service runs: bookings, a backup, more bookings, a time T, more bookings, then a
 * restore to T into a new directory, which must hold exactly what was committed by T,
 * verify its audit chain, and serve the bookings when the service starts on it, with
 * MongoDB holding a projection of every booking confirmed by T and of none after.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

	private static final Instant FAR = Instant.now().plus(Duration.ofDays(150)).truncatedTo(ChronoUnit.SECONDS);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	BackupOperations operations;

	private TestBookingApi fixtures;

	private DataSource superuser;

	@BeforeAll
	void setUp() {
		assumeFalse(TestStores.external(), "the built-in backup engine copies the embedded server's data directory");
		fixtures = new TestBookingApi(context, new HttpApi(port));
		superuser = BackupTestSupport.superuser(context);
	}

	@Test
	void aRestoreToATimeHoldsExactlyWhatWasCommittedByThen(@TempDir Path temp) throws Exception {
		String trip = fixtures.trip(100, "120.00", FAR);
		String token = accessToken(fixtures.accounts().newCustomer());
		List<String> beforeBackup = book(token, trip, 3);
		BackupManifest backup = operations.create(Progress.NONE);
		List<String> afterBackup = book(token, trip, 3);
		ConsistentPoint.Point t = ConsistentPoint.take(superuser, "test-" + backup.id());
		List<String> afterT = book(token, trip, 3);
		BackupTestSupport.archiveCurrentSegment(superuser, new WalArchive(operations.repository().wal()));

		Path into = temp.resolve("restored");
		BackupRestorer.Outcome outcome = operations.restore(new RecoveryTarget.Time(t.at()), null, into, Progress.NONE);

		assertThat(outcome.backupId()).isEqualTo(backup.id());
		assertThat(outcome.lastReplayedCommit()).isBeforeOrEqualTo(t.at());
		assertThat(into.resolve("secrets.properties")).exists();
		assertThat(into.resolve("mongo")).isDirectory();
		try (RestoredPostgres restored = RestoredPostgres.start(into.resolve("postgres"), Duration.ofMinutes(5))) {
			DataSource database = restored.database("getaways");
			// the restore handed publications completed after the dump to their listeners
			// again, on purpose
			List<TableDigests.Figure> expected = withoutOutbox(t.figures());
			List<TableDigests.Figure> actual = withoutOutbox(BackupVerifier.figures(restored, "getaways"));
			assertThat(TableDigests.firstDifference(expected, actual)).isNull();
			assertThat(bookingsPresent(database, beforeBackup)).containsExactlyElementsOf(beforeBackup);
			assertThat(bookingsPresent(database, afterBackup)).containsExactlyElementsOf(afterBackup);
			assertThat(bookingsPresent(database, afterT)).isEmpty();
			assertThat(AuditChain.verify(database).isIntact()).isTrue();
		}

		try (ConfigurableApplicationContext service = startServiceOn(into)) {
			HttpApi restoredApi = new HttpApi(service.getEnvironment().getProperty("local.server.port", Integer.class));
			for (String id : afterBackup) {
				HttpApi.Answer answer = restoredApi.send("GET", "/api/v1/bookings/" + id, null, null, "Authorization",
						"Bearer " + token);
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				assertThat(answer.json().path("tripCode").asString()).isEqualTo(trip);
				assertThat(answer.json().path("status").asString()).isEqualTo("CONFIRMED");
			}
			// MongoDB came back as dumped during the backup; the outbox replays what
			// PostgreSQL committed after
			MongoTemplate mongo = service.getBean(MongoTemplate.class);
			List<String> confirmed = new ArrayList<>(beforeBackup);
			confirmed.addAll(afterBackup);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(confirmed).allSatisfy(
						id -> assertThat(mongo.findById("booking-confirmed:" + id, Document.class, "notifications"))
							.as("notification of booking " + id)
							.isNotNull()));
			for (String id : afterT) {
				assertThat(mongo.findById("booking-confirmed:" + id, Document.class, "notifications"))
					.as("notification of a booking after T")
					.isNull();
			}
			// none ahead of PostgreSQL: a projected booking that the live database has is
			// in the restored one too
			// (other tests project fabricated events of bookings that never existed;
			// those prove nothing here)
			JdbcClient restoredJdbc = JdbcClient.create(restoredSuperuser(service));
			JdbcClient liveJdbc = JdbcClient.create(superuser);
			for (Document notification : mongo.findAll(Document.class, "notifications")) {
				Document facts = notification.get("facts", Document.class);
				String bookingId = facts == null ? null : facts.getString("bookingId");
				if (bookingId != null && countBooking(liveJdbc, bookingId) == 1) {
					assertThat(countBooking(restoredJdbc, bookingId)).as("booking of " + notification.get("_id"))
						.isEqualTo(1);
				}
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(into);
		}
	}

	/**
	 * Booked and paid, so that each has a notification projected into MongoDB through the
	 * outbox.
	 */
	private List<String> book(String token, String trip, int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = fixtures.bookOk(token, json("tripCode", trip, "seats", 1));
			HttpApi.Answer paid = fixtures.pay(token, id);
			assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
			ids.add(id);
		}
		return ids;
	}

	private static long countBooking(JdbcClient jdbc, String id) {
		return jdbc.sql("SELECT count(*) FROM app.bookings WHERE id = ?::uuid").param(id).query(Long.class).single();
	}

	private static DataSource restoredSuperuser(ApplicationContext service) {
		org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
		dataSource.setUrl(TestStores.embedded(service).postgresSuperuserUrl("getaways"));
		dataSource.setUser("postgres");
		return dataSource;
	}

	private static List<String> bookingsPresent(DataSource database, List<String> ids) throws Exception {
		List<String> present = new ArrayList<>();
		try (Connection connection = database.getConnection();
				var select = connection.prepareStatement("SELECT 1 FROM app.bookings WHERE id = ?::uuid")) {
			for (String id : ids) {
				select.setString(1, id);
				try (var row = select.executeQuery()) {
					if (row.next()) {
						present.add(id);
					}
				}
			}
		}
		return present;
	}

	private static List<TableDigests.Figure> withoutOutbox(List<TableDigests.Figure> figures) {
		return figures.stream().filter(f -> !f.table().equals("app.event_publication")).toList();
	}

	/**
	 * The whole service, as an operator starts it with --data-dir on the restored
	 * directory.
	 */
	private static ConfigurableApplicationContext startServiceOn(Path dataDir) {
		assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
		return new SpringApplicationBuilder(GetawaysApplication.class).profiles("test")
			.run("--server.port=0", "--getaways.data-dir=" + dataDir,
					"--getaways.backup.repository=" + dataDir.resolveSibling("restored-backups"));
	}

}
