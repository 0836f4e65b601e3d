package io.getaways.operations.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over a stream of any length, in chunks of 1 MiB each sealed on its own, so
 * that neither side ever holds a whole file (a relation segment is up to 1 GiB, and the
 * JDK's GCM buffers a whole message before it decrypts). Each chunk's 96-bit nonce is a
 * random prefix of the file, the chunk's index, and a flag set only on the last chunk, so
 * chunks cannot be reordered, and a file cut at a chunk boundary fails like a damaged
 * one.
 * <p>
 * Layout: {@code GWAE}, version 1, 7-byte nonce prefix, then per chunk a 4-byte length
 * and the sealed chunk.
 */
final class ChunkedGcm {

	static final int CHUNK = 1 << 20;

	private static final byte[] MAGIC = { 'G', 'W', 'A', 'E', 1 };

	private static final int PREFIX = 7;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ChunkedGcm() {
	}

	/** Thrown when a chunk does not authenticate: another key, or changed bytes. */
	static final class NotAuthentic extends IOException {

		NotAuthentic(String message) {
			super(message);
		}

	}

	static OutputStream encrypting(OutputStream out, BackupKey key) throws IOException {
		byte[] prefix = new byte[PREFIX];
		RANDOM.nextBytes(prefix);
		out.write(MAGIC);
		out.write(prefix);
		return new Encrypting(out, key, prefix);
	}

	static InputStream decrypting(InputStream in, BackupKey key) throws IOException {
		DataInputStream data = new DataInputStream(in);
		byte[] header = new byte[MAGIC.length];
		try {
			data.readFully(header);
		}
		catch (EOFException ex) {
			throw new NotAuthentic("too short to be an encrypted backup file");
		}
		if (!Arrays.equals(header, MAGIC)) {
			throw new NotAuthentic("not an encrypted backup file (no GWAE header)");
		}
		byte[] prefix = new byte[PREFIX];
		data.readFully(prefix);
		return new Decrypting(data, key, prefix);
	}

	private static byte[] nonce(byte[] prefix, int index, boolean last) {
		return ByteBuffer.allocate(12).put(prefix).putInt(index).put((byte) (last ? 1 : 0)).array();
	}

	private static Cipher cipher(int mode, BackupKey key, byte[] nonce) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
			return cipher;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-GCM is not available in this JDK", ex);
		}
	}

	private static final class Encrypting extends FilterOutputStream {

		private final BackupKey key;

		private final byte[] prefix;

		private final ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK);

		private int index;

		private boolean closed;

		Encrypting(OutputStream out, BackupKey key, byte[] prefix) {
			super(out);
			this.key = key;
			this.prefix = prefix;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			while (len > 0) {
				int n = Math.min(len, CHUNK - pending.size());
				pending.write(b, off, n);
				off += n;
				len -= n;
				// a full chunk is sealed only once more data arrives, so that the last
				// one is known to be last
				if (pending.size() == CHUNK && len > 0) {
					seal(false);
				}
			}
		}

		private void seal(boolean last) throws IOException {
			byte[] sealed;
			try {
				sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce(prefix, index++, last)).doFinal(pending.toByteArray());
			}
			catch (GeneralSecurityException ex) {
				throw new IOException("encryption failed: " + ex.getMessage(), ex);
			}
			pending.reset();
			out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
			out.write(sealed);
		}

		@Override
		public void flush() {
			// chunks are written whole; flushing part of one would break the format
		}

		@Override
		public void close() throws IOException {
			if (!closed) {
				closed = true;
				seal(true);
				out.close();
			}
		}

	}

	private static final class Decrypting extends InputStream {

		private final DataInputStream in;

		private final BackupKey key;

		private final byte[] prefix;

		private byte[] sealedNext;

		private byte[] plain = new byte[0];

		private int position;

		private int index;

		private boolean done;

		Decrypting(DataInputStream in, BackupKey key, byte[] prefix) throws IOException {
			this.in = in;
			this.key = key;
			this.prefix = prefix;
			this.sealedNext = readSealed();
			if (sealedNext == null) {
				throw new NotAuthentic("encrypted file has no chunks: cut short");
			}
		}

		private byte[] readSealed() throws IOException {
			int length;
			try {
				length = in.readInt();
			}
			catch (EOFException ex) {
				return null;
			}
			if (length < 16 || length > CHUNK + 16) {
				throw new NotAuthentic("chunk " + index + " has an impossible length " + length);
			}
			byte[] sealed = new byte[length];
			try {
				in.readFully(sealed);
			}
			catch (EOFException ex) {
				throw new NotAuthentic("chunk " + index + " is cut short");
			}
			return sealed;
		}

		private boolean fill() throws IOException {
			while (position >= plain.length) {
				if (done) {
					return false;
				}
				byte[] current = sealedNext;
				sealedNext = readSealed();
				boolean last = sealedNext == null;
				try {
					plain = cipher(Cipher.DECRYPT_MODE, key, nonce(prefix, index, last)).doFinal(current);
				}
				catch (AEADBadTagException ex) {
					throw new NotAuthentic(
							"chunk " + index + " does not authenticate: wrong key, or the file was changed"
									+ (last ? " or cut short" : ""));
				}
				catch (GeneralSecurityException ex) {
					throw new IOException("decryption failed: " + ex.getMessage(), ex);
				}
				index++;
				position = 0;
				done = last;
			}
			return true;
		}

		@Override
		public int read() throws IOException {
			return fill() ? plain[position++] & 0xff : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(len, plain.length - position);
			System.arraycopy(plain, position, b, off, n);
			position += n;
			return n;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

}
