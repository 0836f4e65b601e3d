package io.getaways.platform.db;

/**
 * Which replica, if any, the read-only transactions of one call on the current thread
 * used, so that a call failing because its replica went away can be told apart from one
 * failing for itself.
 */
final class ReplicaReads {

	private static final ThreadLocal<Tracking> CURRENT = new ThreadLocal<>();

	private static final ThreadLocal<Replica> LAST = new ThreadLocal<>();

	private ReplicaReads() {
	}

	static final class Tracking implements AutoCloseable {

		private Replica replica;

		Replica replica() {
			return replica;
		}

		@Override
		public void close() {
			CURRENT.remove();
		}

	}

	/** Null when a call further out already tracks this thread. */
	static Tracking track() {
		if (CURRENT.get() != null) {
			return null;
		}
		Tracking tracking = new Tracking();
		CURRENT.set(tracking);
		return tracking;
	}

	/** A transaction is about to take its connection. */
	static void beginning() {
		LAST.remove();
	}

	/** The replica the transaction beginning on this thread took its connection from. */
	static Replica lastUsed() {
		return LAST.get();
	}

	static void used(Replica replica) {
		LAST.set(replica);
		Tracking tracking = CURRENT.get();
		if (tracking != null) {
			tracking.replica = replica;
		}
	}

}
