package io.getaways.imports.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What happened to one entity's rows so far. The checksum adds the SHA-256 of every
 * accepted row's content modulo 2^256: it does not depend on order, so a resumed import
 * ends with the checksum of an uninterrupted one.
 */
final class Tally {

	private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

	final String entity;

	final long sourceRows;

	long position;

	long inserted;

	long updated;

	long skipped;

	long rejected;

	private BigInteger checksum;

	Tally(String entity, long sourceRows, long position, long inserted, long updated, long skipped, long rejected,
			String checksum) {
		this.entity = entity;
		this.sourceRows = sourceRows;
		this.position = position;
		this.inserted = inserted;
		this.updated = updated;
		this.skipped = skipped;
		this.rejected = rejected;
		this.checksum = new BigInteger(checksum, 16);
	}

	static Tally start(String entity, long sourceRows) {
		return new Tally(entity, sourceRows, 0, 0, 0, 0, 0, "0");
	}

	void accept(String canonical) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			checksum = checksum.add(new BigInteger(1, digest)).mod(MODULUS);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String checksum() {
		return String.format("%064x", checksum);
	}

	Tally copy() {
		return new Tally(entity, sourceRows, position, inserted, updated, skipped, rejected, checksum());
	}

	/**
	 * Rows the target holds for this source after the run (or would, after a dry run).
	 */
	long present() {
		return inserted + updated + skipped;
	}

}
