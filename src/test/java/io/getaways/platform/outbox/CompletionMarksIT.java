package io.getaways.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.getaways.catalog.Catalog;
import io.getaways.platform.db.DatabaseSettings;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The batching writer of the outbox's state marks against the real outbox table: marks
 * offered from many threads all land, what is queued at shutdown is still written, a
 * failure recorded meanwhile is not overwritten, and the running application's listeners
 * go through it.
 */
@IntegrationTest
class CompletionMarksIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	EventPublicationRepository repository;

	@Autowired
	Catalog catalog;

	@Test
	void marksFromManyThreadsAllLandAndShutdownWritesWhatIsQueued() throws Exception {
		List<UUID> ids = new ArrayList<>();
		UUID failed = UUID.randomUUID();
		try (Connection db = owner()) {
			for (int i = 0; i < 200; i++) {
				UUID id = UUID.randomUUID();
				insertPublished(db, id, "PUBLISHED");
				ids.add(id);
			}
			insertPublished(db, failed, "FAILED");
		}
		Instant completedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		CompletionMarks marks = new CompletionMarks(new JdbcTemplate(dataSource), transactionManager, 10_000,
				new SimpleMeterRegistry());
		try {
			marks.start();
			ExecutorService threads = Executors.newFixedThreadPool(8);
			try {
				List<Future<Boolean>> offers = new ArrayList<>();
				for (UUID id : ids) {
					offers.add(threads.submit(() -> marks.offer(new CompletionMarks.Mark(id, null))
							&& marks.offer(new CompletionMarks.Mark(id, completedAt))));
				}
				for (Future<Boolean> offer : offers) {
					assertThat(offer.get()).isTrue();
				}
			}
			finally {
				threads.shutdownNow();
			}
			// the listener of this one failed after its processing mark was queued
			assertThat(marks.offer(new CompletionMarks.Mark(failed, null))).isTrue();
		}
		finally {
			marks.stop();
		}
		assertThat(marks.offer(new CompletionMarks.Mark(UUID.randomUUID(), null)))
			.as("a stopped writer leaves the mark to the caller")
			.isFalse();
		try (Connection db = owner()) {
			for (UUID id : ids) {
				assertThat(status(db, id)).isEqualTo("COMPLETED " + Timestamp.from(completedAt).toInstant());
			}
			assertThat(status(db, failed)).isEqualTo("FAILED null");
			delete(db, ids, failed);
		}
	}

	@Test
	void theApplicationsListenersMarkThroughTheBatchingWriter() throws Exception {
		assertThat(repository).isInstanceOf(BatchedMarksRepository.class);
		// the registry's marks run before its REQUIRES_NEW transaction advice, outside it
		assertThat(((Advised) context.getBean(EventPublicationRegistry.class)).getAdvisors()[0].getAdvice())
			.isInstanceOf(MarksOutsideTransactions.class);
		assertThat(context.getBean(EventSerializer.class)).isInstanceOf(SerializedOnce.class);
		CompletionMarks marks = context.getBean(CompletionMarks.class);
		assertThat(marks.isRunning()).isTrue();
		String code = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(code, "Marks " + code, "Nowhere", Instant.now().plus(30, ChronoUnit.DAYS), "100.00"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			try (Connection db = owner(); PreparedStatement query = db.prepareStatement("""
					SELECT count(*) FILTER (WHERE status = 'COMPLETED' AND completion_date IS NOT NULL),
					       count(*)
					FROM app.event_publication
					WHERE serialized_event LIKE ?""")) {
				query.setString(1, "%\"" + code + "\"%");
				try (ResultSet row = query.executeQuery()) {
					row.next();
					assertThat(row.getLong(2)).as("publications of the new trip").isPositive();
					assertThat(row.getLong(1)).isEqualTo(row.getLong(2));
				}
			}
		});
	}

	/**
	 * Dated an hour ahead, so that the resubmission job leaves these rows of no real
	 * listener alone.
	 */
	private static void insertPublished(Connection db, UUID id, String status) throws SQLException {
		try (PreparedStatement insert = db.prepareStatement("""
				INSERT INTO app.event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                                   status, completion_attempts)
				VALUES (?, 'test.marks.listener', 'test.MarksEvent', '{}', now() + interval '1 hour', ?, 1)
				""")) {
			insert.setObject(1, id);
			insert.setString(2, status);
			insert.executeUpdate();
		}
	}

	private static String status(Connection db, UUID id) throws SQLException {
		try (PreparedStatement query = db
			.prepareStatement("SELECT status, completion_date FROM app.event_publication WHERE id = ?")) {
			query.setObject(1, id);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				Timestamp completed = row.getTimestamp(2);
				return row.getString(1) + " " + (completed == null ? null : completed.toInstant());
			}
		}
	}

	private static void delete(Connection db, List<UUID> ids, UUID failed) throws SQLException {
		try (PreparedStatement delete = db.prepareStatement("DELETE FROM app.event_publication WHERE id = ANY(?)")) {
			List<UUID> all = new ArrayList<>(ids);
			all.add(failed);
			delete.setArray(1, db.createArrayOf("uuid", all.toArray()));
			delete.executeUpdate();
		}
	}

	/**
	 * The schema owner's login, which reads and writes the outbox table without a request
	 * context.
	 */
	private Connection owner() throws SQLException {
		DatabaseSettings settings = context.getBean(DatabaseSettings.class);
		return DriverManager.getConnection(context.getEnvironment().getRequiredProperty("spring.datasource.url"),
				settings.ownerUsername(), settings.owner().password());
	}

}
