package io.getaways.platform.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripDetails;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Embedded mode keeps its data across restarts: what one run wrote to PostgreSQL and
 * MongoDB is there after a stop and a start over the same directory, and the first-start
 * demo catalog is not loaded again. In the external-stores profile only MongoDB is
 * embedded, so there the test covers its restart alone.
 */
class EmbeddedRestartIT {

	@TempDir
	Path dataDir;

	@Test
	void tripAndContentSurviveARestartAndDemoDataIsLoadedOnce() {
		String code = "RESTART" + ThreadLocalRandom.current().nextInt(1000, 10000);
		TripDetails created;
		long tripsBefore;
		long documentsBefore;
		try (ConfigurableApplicationContext first = StandaloneApplication.start(dataDir)) {
			created = StandaloneApplication.createTripWithContent(first, code);
			// the demo catalog's content may still be on its way; counted now, it would
			// grow after the restart
			await().atMost(Duration.ofSeconds(30)).until(() -> incompletePublications(first) == 0);
			tripsBefore = countTrips(first);
			documentsBefore = first.getBean(MongoTemplate.class).getCollection("trip_content").countDocuments();
			assertThat(tripsBefore).isGreaterThan(1);
		}

		try (ConfigurableApplicationContext second = StandaloneApplication.start(dataDir)) {
			assertThat(countTrips(second)).isEqualTo(tripsBefore);
			MongoTemplate mongo = second.getBean(MongoTemplate.class);
			assertThat(mongo.getCollection("trip_content").countDocuments()).isEqualTo(documentsBefore);
			// straight from MongoDB: the catalog's answer could come from a Redis
			// snapshot instead
			Document content = mongo.findById(code, Document.class, "trip_content");
			assertThat(content).isNotNull();
			assertThat(content.getString("description")).isEqualTo(created.content().description());
			assertThat(second.getBean(Catalog.class).findTrip(code)).hasValueSatisfying(found -> {
				assertThat(found.trip()).isEqualTo(created.trip());
				assertThat(found.content()).isEqualTo(created.content());
				assertThat(found.contentAvailable()).isTrue();
			});
		}
	}

	private static long countTrips(ConfigurableApplicationContext context) {
		return count(context, "SELECT count(*) FROM app.trips");
	}

	private static long incompletePublications(ConfigurableApplicationContext context) {
		return count(context, "SELECT count(*) FROM app.event_publication WHERE completion_date IS NULL");
	}

	private static long count(ConfigurableApplicationContext context, String sql) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		return context.getBean(TransactionTemplate.class).execute(status -> jdbc.sql(sql).query(Long.class).single());
	}

}
