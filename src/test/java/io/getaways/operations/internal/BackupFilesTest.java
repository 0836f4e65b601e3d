package io.getaways.operations.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored files, WAL segment names and archive ranges, and keys, on a real file system.
 */
class BackupFilesTest {

	@TempDir
	Path dir;

	@Test
	void aStoredFileReadsBackAndItsChecksumNamesItWhenDamaged() throws IOException {
		BackupKey key = BackupKey.parse(Base64.getEncoder().encodeToString(new byte[32]), "key");
		byte[] content = "a row\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
		Path target = dir.resolve("base/1/1234.zst");

		StoredFiles.Stored stored = StoredFiles.store(target, "base/1/1234", key, out -> out.write(content));

		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(stored.storedSize()).isLessThan(content.length / 10).isEqualTo(Files.size(target));
		StoredFiles.check(target, stored);
		try (InputStream in = StoredFiles.open(target, key)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(target.resolveSibling("1234.zst.partial")).doesNotExist();
		try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
			file.seek(40);
			int b = file.read();
			file.seek(40);
			file.write(b ^ 0x10);
		}
		assertThatThrownBy(() -> StoredFiles.check(target, stored)).isInstanceOf(StoredFiles.Damaged.class)
			.hasMessageStartingWith("base/1/1234: checksum mismatch");
	}

	@Test
	void segmentsFollowEachOtherAcrossLogFiles() {
		assertThat(WalArchive.next("00000001000000000000000A")).isEqualTo("00000001000000000000000B");
		assertThat(WalArchive.next("0000000200000003000000FF")).isEqualTo("000000020000000400000000");
		assertThat(WalArchive.isSegment("00000001000000000000000A")).isTrue();
		assertThat(WalArchive.isSegment("00000002.history")).isFalse();
	}

	@Test
	void aRangeWithAGapFailsNamingTheFirstMissingSegment() throws IOException {
		for (String segment : List.of("0000000100000000000000FE", "0000000100000000000000FF",
				"000000010000000100000001")) {
			Files.write(dir.resolve(segment + ".gz"), new byte[0]);
		}
		WalArchive wal = new WalArchive(dir);

		assertThat(wal.range("0000000100000000000000FE", "0000000100000000000000FF")).hasSize(2);
		assertThatThrownBy(() -> wal.range("0000000100000000000000FE", "000000010000000100000001"))
			.isInstanceOf(BackupFailedException.class)
			.hasMessageStartingWith("WAL segment 000000010000000100000000 is missing");
		assertThat(wal.newest("00000001")).contains("000000010000000100000001");
	}

	@Test
	void aKeyMustBe32BytesOfBase64AndIsKnownByItsId() {
		assertThatThrownBy(() -> BackupKey.parse("c2hvcnQ=", "getaways.backup.key"))
			.hasMessage("getaways.backup.key must be 32 bytes in base64 but decodes to 5 bytes; make one with: "
					+ "head -c 32 /dev/urandom | base64");
		assertThatThrownBy(() -> BackupKey.parse("not base64!", "getaways.backup.key"))
			.hasMessageContaining("is not base64");
		BackupKey key = BackupKey.parse(Base64.getEncoder().encodeToString(new byte[32]), "k");
		assertThat(key.hasId(BackupKey.parse(Base64.getEncoder().encodeToString(new byte[32]), "k").id())).isTrue();
		assertThat(key.hasId("0000000000000000")).isFalse();
	}

}
