package io.getaways.operations.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.getaways.booking.TestBookingApi;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A passenger's document number and date of birth are not in a backup: every file of a
 * backup taken after the booking, and the write-ahead log archived with it, is read back
 * as a restore would read it (decompressed) and searched. The passenger's name, which is
 * stored in clear, is searched for the same way and found, so the search is one that can
 * fail.
 */
@IntegrationTest
class BackupSecrecyIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	@Autowired
	BackupOperations backups;

	@Test
	void aBackupHoldsThePassengersNameButNeitherDocumentNumberNorDateOfBirth() throws IOException {
		assumeFalse(TestStores.external(), "the built-in backup engine copies the embedded server's data directory");
		HttpApi http = new HttpApi(port);
		TestBookingApi fixtures = new TestBookingApi(context, http);
		String trip = fixtures.trip(10, "120.00", Instant.now().plus(60, ChronoUnit.DAYS));
		String name = "Backup Control " + TestTrips.token(10);
		String document = "B" + TestTrips.token(10).toUpperCase();
		String born = "19" + ThreadLocalRandom.current().nextInt(50, 90) + "-0"
				+ ThreadLocalRandom.current().nextInt(1, 10) + "-1" + ThreadLocalRandom.current().nextInt(0, 10);
		String traveller = accessToken(fixtures.accounts().newCustomer());
		fixtures.bookOk(traveller,
				"""
						{"tripCode": "%s", "seats": 1, "passengers": [{"fullName": "%s", "dateOfBirth": "%s", "nationality": "PT",
						 "document": {"type": "PASSPORT", "number": "%s", "issuingCountry": "PT", "expiry": "2036-02-28"}}]}"""
					.formatted(trip, name, born, document));

		String admin = accessToken(fixtures.accounts().newUserWithRole(identity, "admin"));
		Answer started = http.send("POST", "/api/v1/admin/backups", null, null, "Authorization", "Bearer " + admin);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		JsonNode job = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> http.send("GET", started.header("Location"), null, null, "Authorization", "Bearer " + admin)
				.json(), state -> !state.path("state").asString().equals("RUNNING"));
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");

		List<Path> files = new ArrayList<>(files(backups.repository().backupDir(job.path("backupId").asString())));
		files.addAll(files(backups.repository().wal()));
		assertThat(files).isNotEmpty();
		assertThat(filesHolding(files, name)).as("the name, stored in clear, is found: the search works").isNotEmpty();
		assertThat(filesHolding(files, document)).as("the document number").isEmpty();
		assertThat(filesHolding(files, born)).as("the date of birth").isEmpty();
	}

	private static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}

	/** The files whose content, as a restore reads it, contains the text. */
	private static List<Path> filesHolding(List<Path> files, String text) throws IOException {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		List<Path> holding = new ArrayList<>();
		for (Path file : files) {
			if (contains(content(file), needle)) {
				holding.add(file);
			}
		}
		return holding;
	}

	/**
	 * As a restore reads it: a backup's stored files through zstd (the test repository
	 * has no key), the archived WAL segments through gzip.
	 */
	private static byte[] content(Path file) throws IOException {
		String name = file.getFileName().toString();
		if (name.endsWith(".zst")) {
			try (InputStream in = StoredFiles.open(file, null)) {
				return in.readAllBytes();
			}
		}
		if (name.endsWith(".gz")) {
			try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
				return in.readAllBytes();
			}
		}
		return Files.readAllBytes(file);
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
