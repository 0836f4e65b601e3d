package io.getaways.operations.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What must fail, fails loudly and names its cause, and writes nothing it should not:
 * damaged files, missing WAL, the wrong key, a non-empty target, a backup process killed
 * halfway. Damage is done to copies in a repository of the test's own, so that the shared
 * repository stays sound for the other tests.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupFailuresIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	BackupOperations operations;

	private DataSource superuser;

	private BackupManifest backup;

	@BeforeAll
	void setUp() {
		assumeFalse(TestStores.external(), "the built-in backup engine copies the embedded server's data directory");
		superuser = BackupTestSupport.superuser(context);
		backup = operations.create(Progress.NONE);
	}

	@Test
	void aBackupVerifiesByRestoringItAndTheListSaysSo() {
		BackupRepository.Verification verification = operations.verify(backup.id(), Progress.NONE);

		assertThat(verification.passed()).isTrue();
		assertThat(verification.detail()).contains("tables and")
			.contains("rows match")
			.contains("audit entries chained");
		BackupRepository.Entry listed = operations.repository().find(backup.id()).orElseThrow();
		assertThat(BackupSummary.of(listed).verified()).isEqualTo("yes");
		assertThat(BackupSummary.of(listed).mongoDocuments()).isNotEmpty();
	}

	@Test
	void aFlippedByteInAnyFileFailsVerifyNamingThatFile(@TempDir Path temp) throws IOException {
		BackupOperations copy = copyOf(temp, null);
		Path backupDir = copy.repository().backupDir(backup.id());
		String victim = backup.files()
			.stream()
			.filter(f -> f.storedSize() > 100)
			.skip(7)
			.findFirst()
			.orElseThrow()
			.name();
		flipByte(PostgresBaseBackup.storedPath(backupDir, victim));

		assertThatThrownBy(() -> copy.verify(backup.id(), Progress.NONE)).isInstanceOf(BackupFailedException.class)
			.hasMessageContaining(victim)
			.hasMessageContaining("checksum mismatch");
		assertThat(BackupSummary.of(copy.repository().find(backup.id()).orElseThrow()).verified()).isEqualTo("failed");
	}

	@Test
	void aMissingWalSegmentFailsARestoreToALaterTimeNamingTheSegment(@TempDir Path temp) throws Exception {
		BackupTestSupport.archiveCurrentSegment(superuser, new WalArchive(operations.repository().wal()));
		BackupOperations copy = copyOf(temp, null);
		WalArchive wal = new WalArchive(copy.repository().wal());
		String missing = WalArchive.next(backup.postgres().restorePointWal());
		assertThat(wal.has(missing)).isTrue();
		Files.delete(wal.path(missing));
		Path into = temp.resolve("restored");

		assertThatThrownBy(() -> copy.restore(new RecoveryTarget.Latest(), null, into, Progress.NONE))
			.isInstanceOf(BackupFailedException.class)
			.hasMessageContaining("WAL segment " + missing + " is missing");
		assertThat(into).doesNotExist();
	}

	@Test
	void aWrongKeyFailsAtOnceAndTheRightOneRestores(@TempDir Path temp) {
		String key = randomKey();
		BackupOperations encrypting = operationsOver(operations.repository().root(), key);
		BackupManifest encrypted = encrypting.create(Progress.NONE);
		assertThat(encrypted.encrypted()).isTrue();
		Path someFile = PostgresBaseBackup.storedPath(encrypting.repository().backupDir(encrypted.id()), "PG_VERSION");
		assertThat(someFile).exists();

		BackupOperations wrongKey = operationsOver(operations.repository().root(), randomKey());
		assertThatThrownBy(() -> wrongKey.verify(encrypted.id(), Progress.NONE))
			.isInstanceOf(BackupFailedException.class)
			.hasMessageContaining("encrypted under another key");
		BackupOperations noKey = operationsOver(operations.repository().root(), null);
		assertThatThrownBy(
				() -> noKey.restore(new RecoveryTarget.BackupPoint(), encrypted.id(), temp.resolve("r"), Progress.NONE))
			.isInstanceOf(BackupFailedException.class)
			.hasMessageContaining("is encrypted; set getaways.backup.key");
		assertThat(temp.resolve("r")).doesNotExist();

		assertThat(encrypting.verify(encrypted.id(), Progress.NONE).passed()).isTrue();
	}

	@Test
	void sealedWalRestoresWithTheKeyAndASegmentArchivedAgainMustMatch(@TempDir Path temp) throws Exception {
		String key = randomKey();
		BackupManifest encrypted = operationsOver(operations.repository().root(), key).create(Progress.NONE);
		BackupOperations copy = copyOf(temp, key, encrypted.id());
		WalArchive wal = new WalArchive(copy.repository().wal());
		List<String> segments = wal.segments();

		assertThat(wal.seal(BackupKey.parse(key, "key"))).isEqualTo(segments.size());

		try (Stream<Path> files = Files.list(copy.repository().wal())) {
			// the small .backup and .history files PostgreSQL also archives hold
			// positions only and stay as they are
			assertThat(files.map(f -> f.getFileName().toString()).filter(name -> name.matches("[0-9A-F]{24}\\.gz.*")))
				.isNotEmpty()
				.allMatch(name -> name.endsWith(".gz.enc"));
		}
		assertThat(copy.verify(encrypted.id(), Progress.NONE).passed()).isTrue();

		// PostgreSQL archives a segment again after a crash: the same bytes are dropped,
		// other bytes refused
		String segment = encrypted.postgres().startWal();
		Path plain = copy.repository().wal().resolve(segment + ".gz");
		Files.copy(operations.repository().wal().resolve(segment + ".gz"), plain);
		wal.seal(BackupKey.parse(key, "key"));
		assertThat(plain).doesNotExist();
		Files.copy(operations.repository().wal().resolve(WalArchive.next(segment) + ".gz"), plain);
		assertThatThrownBy(() -> wal.seal(BackupKey.parse(key, "key"))).isInstanceOf(BackupFailedException.class)
			.hasMessageContaining("WAL segment " + segment + " was archived twice with different content");
	}

	@Test
	void aRestoreIntoANonEmptyDirectoryIsRefused(@TempDir Path temp) throws IOException {
		Path into = Files.createDirectories(temp.resolve("occupied"));
		Files.writeString(into.resolve("keep.txt"), "mine");

		assertThatThrownBy(() -> operations.restore(new RecoveryTarget.Latest(), null, into, Progress.NONE))
			.isInstanceOf(BackupFailedException.class)
			.hasMessageContaining("is not empty");
		try (Stream<Path> entries = Files.list(into)) {
			assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
		}
	}

	@Test
	void aBackupKilledHalfwayIsNotListedAndTheNextOneSucceeds(@TempDir Path temp) throws Exception {
		Path repository = temp.resolve("repo");
		Files.createDirectories(repository);
		// the WAL is archived into the shared repository; the killed backup's own copies
		// go to this one
		Files.createSymbolicLink(repository.resolve("wal"), operations.repository().wal());
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), KilledBackup.class.getName(),
				TestStores.superuserUrl(context, "getaways"), repository.toString())
			.redirectErrorStream(true)
			.redirectOutput(temp.resolve("child.log").toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> storedFiles(repository) > 20 || !child.isAlive());
			assertThat(child.isAlive()).as("the backup was still running when killed").isTrue();
		}
		finally {
			child.destroyForcibly().waitFor();
		}
		BackupOperations same = operationsOver(repository, null);
		assertThat(same.list()).isEmpty();
		assertThat(same.repository().incomplete()).hasSize(1);

		BackupManifest next = same.create(Progress.NONE);

		assertThat(same.list()).extracting(entry -> entry.manifest().id()).containsExactly(next.id());
		assertThat(same.repository().incomplete()).isEmpty();
	}

	private static long storedFiles(Path repository) throws IOException {
		Path backups = repository.resolve("backups");
		if (!Files.isDirectory(backups)) {
			return 0;
		}
		// the running backup renames its ".partial" files while this counts them: a file
		// gone
		// between listing and reading is skipped, not an error
		long[] count = { 0 };
		Files.walkFileTree(backups, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (attributes.isRegularFile()) {
					count[0]++;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException failure) {
				return FileVisitResult.CONTINUE;
			}
		});
		return count[0];
	}

	private BackupOperations copyOf(Path temp, String key) throws IOException {
		return copyOf(temp, key, backup.id());
	}

	private BackupOperations copyOf(Path temp, String key, String id) throws IOException {
		Path root = temp.resolve("copy");
		FileSystemUtils.copyRecursively(operations.repository().backupDir(id), root.resolve("backups").resolve(id));
		FileSystemUtils.copyRecursively(operations.repository().wal(), root.resolve("wal"));
		return operationsOver(root, key);
	}

	private BackupOperations operationsOver(Path repository, String key) {
		BackupSettings settings = BackupTestSupport.settings(repository, key);
		return new BackupOperations(settings,
				new BackupSources(TestStores.superuserUrl(context, "getaways"), null, context.getEnvironment()),
				new BackupMetrics(new SimpleMeterRegistry(), repository.resolve("wal")));
	}

	private static void flipByte(Path file) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			long position = raf.length() / 2;
			raf.seek(position);
			int b = raf.read();
			raf.seek(position);
			raf.write(b ^ 0x01);
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
