package io.getaways.platform;

import java.util.function.Supplier;

/**
 * Reads whose answer must not lag the primary, whatever replicas serve other reads: a
 * revoked token must be refused on its next request, not once a standby has replayed the
 * revocation. Read-only transactions started inside {@link #call} take their connection
 * from the primary. Being read-only, they also leave no read-your-writes position behind,
 * which a writing transaction used for the same check would: that made every later read
 * of the user wait for a replica to catch up with a commit that changed nothing.
 */
public final class PrimaryReads {

	private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

	private PrimaryReads() {
	}

	public static <T> T call(Supplier<T> work) {
		Boolean outer = ACTIVE.get();
		ACTIVE.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				ACTIVE.remove();
			}
		}
	}

	/** Whether the current thread is inside {@link #call}. */
	public static boolean active() {
		return ACTIVE.get() != null;
	}

}
