package io.getaways.booking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.getaways.booking.TestPassengers.documentNumber;
import static io.getaways.booking.TestPassengers.passenger;
import static io.getaways.booking.TestPassengers.tripBody;
import static io.getaways.booking.TestPassengers.update;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document number and a date of birth written through the API appear nowhere in clear:
 * not in the table as its owner reads it, not in a text dump of it (what pg_dump would
 * write), not in the audit log's row images, not in the service's log, and, in embedded
 * mode, not in PostgreSQL's files: the table's and the audit log's data files after a
 * checkpoint and the write-ahead log written meanwhile, which are what a physical backup
 * copies. (A backup itself is not grepped: the built-in engine stores those very files
 * compressed, and encrypted when a key is set, so a grep of the repository would find
 * nothing whatever the files held; grepping what it copies, before compression, is the
 * test that can fail.)
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PassengerSecrecyIT extends AbstractBookingApiIT {

	@Test
	void noClearDocumentNumberOrBirthDateInTheDatabaseAuditLogFilesOrServiceLog(CapturedOutput output)
			throws IOException {
		Instant started = Instant.now().minusSeconds(5);
		String trip = fixtures.trip(10, "80.00", FAR);
		String token = accessToken(accounts.newCustomer());
		String number = documentNumber();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String born = LocalDate.of(random.nextInt(1930, 1990), random.nextInt(1, 13), random.nextInt(1, 29)).toString();
		String id = fixtures.bookOk(token, tripBody(trip, 1, passenger("Ana Lima", born, "PT", number, "2045-01-01")));
		String replacement = documentNumber();
		Answer replaced = accounts.send("PUT", "/api/v1/bookings/" + id + "/passengers", token,
				update(passenger("Ana Lima", born, "PT", replacement, "2045-01-01")));
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		Answer refused = accounts.send("PUT", "/api/v1/bookings/" + id + "/passengers", token,
				update(passenger("Ana Lima", born, "PT", number + "/", "2045-01-01")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).doesNotContain(number);

		List<String> secrets = List.of(number, replacement, born);
		String dump = String.join("\n",
				fixtures.rows("SELECT p::text AS line FROM app.booking_passengers p")
					.stream()
					.map(row -> (String) row.get("line"))
					.toList());
		assertThat(dump).contains(id).contains("Ana Lima");
		secrets.forEach(secret -> assertThat(dump).doesNotContain(secret));
		List<String> audit = fixtures.rows("""
				SELECT coalesce(old_row::text, '') || ' ' || coalesce(new_row::text, '') AS images
				FROM audit.log
				WHERE table_name = 'app.booking_passengers'
				  AND coalesce(new_row, old_row) ->> 'booking_id' = ?""", id)
			.stream()
			.map(row -> (String) row.get("images"))
			.toList();
		assertThat(audit).as("insert, delete and insert of the replacement").hasSize(3);
		assertThat(audit).allSatisfy(images -> assertThat(images).contains("\"document_number_enc\": \"***\"")
			.contains("\"date_of_birth_enc\": \"***\"")
			.contains("\"document_number_index\": \"***\""));
		for (String secret : secrets) {
			assertThat(fixtures.count("""
					SELECT count(*) FROM audit.log
					WHERE strpos(coalesce(old_row::text, ''), ?) > 0
					   OR strpos(coalesce(new_row::text, ''), ?) > 0""", secret, secret)).as(secret).isZero();
		}
		assertThat(output.getAll()).doesNotContain(number).doesNotContain(replacement).doesNotContain(born);

		if (!TestStores.external()) {
			fixtures.update("CHECKPOINT");
			Path postgres = TestStores.embedded(context).dataDir().resolve("postgres");
			List<Path> files = new ArrayList<>();
			for (String table : List.of("app.booking_passengers", "audit.log")) {
				String relative = (String) fixtures.rows("SELECT pg_relation_filepath(?::regclass) AS path", table)
					.get(0)
					.get("path");
				try (Stream<Path> segments = Files.list(postgres.resolve(relative).getParent())) {
					String name = postgres.resolve(relative).getFileName().toString();
					segments.filter(file -> file.getFileName().toString().startsWith(name)).forEach(files::add);
				}
			}
			try (Stream<Path> wal = Files.list(postgres.resolve("pg_wal"))) {
				wal.filter(Files::isRegularFile).filter(file -> modifiedSince(file, started)).forEach(files::add);
			}
			assertThat(files).isNotEmpty();
			boolean nameSeen = false;
			for (Path file : files) {
				byte[] content = Files.readAllBytes(file);
				for (String secret : secrets) {
					assertThat(indexOf(content, secret.getBytes(StandardCharsets.UTF_8))).as(secret + " in " + file)
						.isEqualTo(-1);
				}
				nameSeen |= indexOf(content, "Ana Lima".getBytes(StandardCharsets.UTF_8)) >= 0;
			}
			assertThat(nameSeen).as("the grep finds what is stored in clear, so it would find a document number")
				.isTrue();
		}
	}

	private static boolean modifiedSince(Path file, Instant since) {
		try {
			return Files.getLastModifiedTime(file).compareTo(FileTime.from(since)) >= 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
