package io.getaways.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.getaways.catalog.Catalog;
import io.getaways.platform.db.DatabaseSettings;
import io.getaways.platform.embedded.EmbeddedMongoServer;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox over real stores: a projection that fails while MongoDB is down stays
 * incomplete, shows in health and metrics, and is delivered by the resubmission job once
 * MongoDB is back; completed publications are purged after their retention, by one
 * instance at a time.
 */
@IntegrationTest
class OutboxIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	Catalog catalog;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OutboxJobs jobs;

	@Autowired
	OutboxBacklog backlog;

	@LocalServerPort
	int port;

	@Test
	void projectionMissedWhileMongoIsDownIsDeliveredWhenItReturns() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeFalse(TestStores.external(), "stops the embedded MongoDB");
		EmbeddedMongoServer server = TestStores.embedded(context).mongo();
		String code = TestTrips.code();
		server.stop();
		try {
			TestTrips.create(catalog, TestTrips.draft(code, "Outbox drill", "Nowhere",
					Instant.now().plus(30, ChronoUnit.DAYS), "100.00"));
			await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(code) > 0);
			assertThat(incomplete(code)).isTrue();
			OutboxStatus status = backlog.status();
			assertThat(status.backlog()).isPositive();
			assertThat(status.oldestAge()).isPositive();
			assertThat(new HttpApi(port).get("/actuator/prometheus").body()).contains("getaways_outbox_backlog");
		}
		finally {
			server.restart();
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Document document = mongo.findById(code, Document.class, "trip_content");
			assertThat(document).isNotNull();
			assertThat(document.get("version", Number.class).longValue()).isEqualTo(1L);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> !incomplete(code));
	}

	@Test
	void purgeDeletesOnlyExpiredCompletedPublicationsAndWaitsForAnotherInstancesLock() throws Exception {
		UUID old = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		try (Connection db = superuser()) {
			insertCompleted(db, old, Instant.now().minus(30, ChronoUnit.DAYS));
			insertCompleted(db, recent, Instant.now().minus(1, ChronoUnit.HOURS));
			execute(db, """
					INSERT INTO system.shedlock (name, lock_until, locked_at, locked_by)
					VALUES ('outbox-purge', now() + interval '1 hour', now(), 'another-instance')
					ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until, locked_by = EXCLUDED.locked_by
					""");
			jobs.purge();
			assertThat(exists(db, old)).as("another instance holds the purge lock").isTrue();

			execute(db,
					"UPDATE system.shedlock SET lock_until = now() - interval '1 second' WHERE name = 'outbox-purge'");
			jobs.purge();
			assertThat(exists(db, old)).as("past the retention").isFalse();
			assertThat(exists(db, recent)).as("within the retention").isTrue();
			try (PreparedStatement lock = db
				.prepareStatement("SELECT locked_by FROM system.shedlock WHERE name = 'outbox-purge'");
					ResultSet rs = lock.executeQuery()) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isNotEqualTo("another-instance");
			}
		}
	}

	/**
	 * The schema owner's login: it owns the outbox and lock tables in embedded and
	 * external mode alike.
	 */
	private Connection superuser() throws SQLException {
		DatabaseSettings settings = context.getBean(DatabaseSettings.class);
		return DriverManager.getConnection(context.getEnvironment().getRequiredProperty("spring.datasource.url"),
				settings.ownerUsername(), settings.owner().password());
	}

	private static void insertCompleted(Connection db, UUID id, Instant completedAt) throws SQLException {
		try (PreparedStatement insert = db.prepareStatement("""
				INSERT INTO app.event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                                   completion_date, status, completion_attempts)
				VALUES (?, 'test.listener', 'test.Event', '{}', ?, ?, 'COMPLETED', 1)
				""")) {
			insert.setObject(1, id);
			insert.setObject(2, java.sql.Timestamp.from(completedAt.minusSeconds(1)));
			insert.setObject(3, java.sql.Timestamp.from(completedAt));
			insert.executeUpdate();
		}
	}

	private static boolean exists(Connection db, UUID id) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("SELECT 1 FROM app.event_publication WHERE id = ?")) {
			query.setObject(1, id);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next();
			}
		}
	}

	private static void execute(Connection db, String sql) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			statement.executeUpdate();
		}
	}

	private boolean incomplete(String code) throws SQLException {
		return count(code, "completion_date IS NULL") > 0;
	}

	private long failedAttempts(String code) throws SQLException {
		return count(code, "completion_date IS NULL AND status = 'FAILED'");
	}

	private long count(String code, String condition) throws SQLException {
		try (Connection db = superuser(); PreparedStatement query = db.prepareStatement("""
				SELECT count(*) FROM app.event_publication
				WHERE event_type LIKE '%TripContentChanged' AND serialized_event LIKE ? AND """ + " " + condition)) {
			query.setString(1, "%" + code + "%");
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
