package io.getaways.catalog;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.getaways.catalog.internal.Listings;
import io.getaways.platform.CommandLine;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code reconcile} as an operator runs it, through the jar's command-line entry on the
 * service's data directory: its short-lived context starts (or, in this JVM, shares) the
 * embedded PostgreSQL and MongoDB. Limited to the test's codes with {@code --code}, so
 * other tests' leftovers never change the exit status.
 */
@IntegrationTest
class ReconcileCommandIT {

	@Autowired
	Environment environment;

	@Autowired
	Listings catalog;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	@Test
	void repairsWhatItCanExitingZeroAndOneWhileDriftRemains() {
		String repairable = createTrip();
		String lost = createTrip();
		remove(repairable);
		remove(lost);
		OutboxEvents.purge(context, lost, "TripContentChanged");

		Result dryRun = reconcile("--dry-run", "--code", repairable.toLowerCase());
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(1);
		assertThat(dryRun.out()).contains("dry run, nothing changed").contains("repairable trip " + repairable);
		assertThat(mongo.findById(repairable, Document.class, "trip_content")).isNull();

		Result repaired = reconcile("--code", repairable);
		assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
		assertThat(repaired.out()).contains("repaired   trip " + repairable)
			.contains("from a completed outbox event")
			.contains("repaired 1, removed 0, unrepaired 0");
		assertThat(mongo.findById(repairable, Document.class, "trip_content")).isNotNull();

		Result unrepaired = reconcile("--code", repairable + "," + lost);
		assertThat(unrepaired.exitCode()).as(unrepaired.toString()).isEqualTo(1);
		assertThat(unrepaired.out()).contains("unrepaired trip " + lost)
			.contains("row v1, document none")
			.contains("repaired 0, removed 0, unrepaired 1");
	}

	private String createTrip() {
		String code = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(code, "Command Drift", "Drift Bay", Instant.parse("2097-03-10T08:00:00Z"), "250.00"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> OutboxEvents.incomplete(context, code) == 0
					&& mongo.findById(code, Document.class, "trip_content") != null);
		return code;
	}

	private void remove(String code) {
		mongo.remove(Query.query(Criteria.where("_id").is(code)), "trip_content");
	}

	/**
	 * Runs {@code reconcile} in this JVM on the service's data directory, capturing what
	 * it prints.
	 */
	private synchronized Result reconcile(String... options) {
		String[] args = Stream
			.concat(Stream.of("reconcile"),
					Stream.concat(Stream.of(options),
							Stream.of("--data-dir", environment.getRequiredProperty("getaways.data-dir"))))
			.toArray(String[]::new);
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode;
		try {
			System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
			exitCode = CommandLine.run(args);
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
		Result result = new Result(List.of(args), exitCode, out.toString(StandardCharsets.UTF_8),
				err.toString(StandardCharsets.UTF_8));
		stdout.println(result);
		return result;
	}

	record Result(List<String> args, int exitCode, String out, String err) {
	}

}
