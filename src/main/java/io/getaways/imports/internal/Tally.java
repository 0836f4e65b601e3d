package io.getaways.imports.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What happened to one entity's rows so far. The checksum adds the SHA-256 of every
 * accepted row's content modulo 2^256: it does not depend on order, so a resumed import
 * ends with the checksum of an uninterrupted one. The target checksum does the same with
 * the content read back from the target's rows of those keys, in the same canonical form,
 * so the two are equal when the target holds exactly what the source gave.
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

	private BigInteger targetChecksum;

	/**
	 * Whether the target is read back, so that {@link #targetChecksum} means something.
	 */
	boolean readsBack;

	Tally(String entity, long sourceRows, long position, long inserted, long updated, long skipped, long rejected,
			String checksum, String targetChecksum) {
		this.entity = entity;
		this.sourceRows = sourceRows;
		this.position = position;
		this.inserted = inserted;
		this.updated = updated;
		this.skipped = skipped;
		this.rejected = rejected;
		this.checksum = new BigInteger(checksum, 16);
		this.targetChecksum = new BigInteger(targetChecksum, 16);
	}

	static Tally start(String entity, long sourceRows) {
		return new Tally(entity, sourceRows, 0, 0, 0, 0, 0, "0", "0");
	}

	void accept(String canonical) {
		checksum = add(checksum, canonical);
	}

	/** A row as the target holds it, read back in the source's canonical form. */
	void acceptTarget(String canonical) {
		targetChecksum = add(targetChecksum, canonical);
	}

	private static BigInteger add(BigInteger sum, String canonical) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return sum.add(new BigInteger(1, digest)).mod(MODULUS);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String checksum() {
		return String.format("%064x", checksum);
	}

	String targetChecksum() {
		return String.format("%064x", targetChecksum);
	}

	Tally copy() {
		Tally copy = new Tally(entity, sourceRows, position, inserted, updated, skipped, rejected, checksum(),
				targetChecksum());
		copy.readsBack = readsBack;
		return copy;
	}

	/**
	 * Rows the target holds for this source after the run (or would, after a dry run).
	 */
	long present() {
		return inserted + updated + skipped;
	}

}
