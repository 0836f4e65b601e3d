package io.getaways.audit;

/**
 * The outcome of walking the hash chain.
 *
 * @param entriesChecked sealed entries checked, up to and including a broken one
 * @param firstBrokenId the first entry whose content hash or chain link does not match,
 * or null
 * @param reason what does not match, or {@code chain intact}
 */
public record VerificationResult(long entriesChecked, Long firstBrokenId, String reason) {

	public static VerificationResult intact(long entriesChecked) {
		return new VerificationResult(entriesChecked, null, "chain intact");
	}

	public static VerificationResult broken(long entriesChecked, long firstBrokenId, String reason) {
		return new VerificationResult(entriesChecked, firstBrokenId, reason);
	}

	public boolean isIntact() {
		return firstBrokenId == null;
	}
}
