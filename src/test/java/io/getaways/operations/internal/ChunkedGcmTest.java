package io.getaways.operations.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkedGcmTest {

	private static final int HEADER = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final BackupKey key = key();

	@ParameterizedTest
	@ValueSource(
			ints = { 0, 1, ChunkedGcm.CHUNK - 1, ChunkedGcm.CHUNK, ChunkedGcm.CHUNK + 1, 3 * ChunkedGcm.CHUNK + 5 })
	void whatIsEncryptedDecryptsToTheSameBytes(int size) throws IOException {
		byte[] plain = new byte[size];
		RANDOM.nextBytes(plain);

		assertThat(decrypt(encrypt(plain), key)).isEqualTo(plain);
	}

	@Test
	void anotherKeyFails() throws IOException {
		byte[] sealed = encrypt(new byte[100]);

		assertThatThrownBy(() -> decrypt(sealed, key())).isInstanceOf(ChunkedGcm.NotAuthentic.class)
			.hasMessageContaining("wrong key, or the file was changed");
	}

	@Test
	void aChangedByteFails() throws IOException {
		byte[] sealed = encrypt(new byte[5000]);
		sealed[sealed.length / 2] ^= 1;

		assertThatThrownBy(() -> decrypt(sealed, key)).isInstanceOf(ChunkedGcm.NotAuthentic.class);
	}

	@Test
	void aFileCutAtAChunkBoundaryFails() throws IOException {
		byte[] sealed = encrypt(new byte[2 * ChunkedGcm.CHUNK + 10]);
		int firstTwoChunks = HEADER + 2 * (4 + ChunkedGcm.CHUNK + 16);

		assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, firstTwoChunks), key))
			.isInstanceOf(ChunkedGcm.NotAuthentic.class)
			.hasMessageContaining("cut short");
	}

	@Test
	void swappedChunksFail() throws IOException {
		byte[] plain = new byte[2 * ChunkedGcm.CHUNK + 10];
		RANDOM.nextBytes(plain);
		byte[] sealed = encrypt(plain);
		int chunk = 4 + ChunkedGcm.CHUNK + 16;
		ByteBuffer swapped = ByteBuffer.allocate(sealed.length)
			.put(sealed, 0, HEADER)
			.put(sealed, HEADER + chunk, chunk)
			.put(sealed, HEADER, chunk)
			.put(sealed, HEADER + 2 * chunk, sealed.length - HEADER - 2 * chunk);

		assertThatThrownBy(() -> decrypt(swapped.array(), key)).isInstanceOf(ChunkedGcm.NotAuthentic.class);
	}

	@Test
	void aPlainFileIsNotTakenForAnEncryptedOne() {
		assertThatThrownBy(() -> decrypt("not encrypted at all".getBytes(), key))
			.isInstanceOf(ChunkedGcm.NotAuthentic.class)
			.hasMessageContaining("no GWAE header");
	}

	private byte[] encrypt(byte[] plain) throws IOException {
		ByteArrayOutputStream sealed = new ByteArrayOutputStream();
		try (OutputStream out = ChunkedGcm.encrypting(sealed, key)) {
			out.write(plain);
		}
		return sealed.toByteArray();
	}

	private static byte[] decrypt(byte[] sealed, BackupKey key) throws IOException {
		try (InputStream in = ChunkedGcm.decrypting(new ByteArrayInputStream(sealed), key)) {
			return in.readAllBytes();
		}
	}

	private static BackupKey key() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return BackupKey.parse(Base64.getEncoder().encodeToString(bytes), "key");
	}

}
