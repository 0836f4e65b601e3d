package io.getaways.platform.db;

import java.time.Instant;

/**
 * What the last check found on one replica.
 *
 * @param replayLsn the last WAL position it replayed, -1 when unknown
 * @param lagBytes how far its replay is behind the primary's WAL, -1 when unknown
 * @param lagSeconds how old its newest replayed commit is while it is behind, 0 when it
 * has replayed all the primary wrote, -1 when unknown
 * @param detail why it is not serving, or null
 */
public record ReplicaStatus(State state, long replayLsn, long lagBytes, double lagSeconds, Instant checkedAt,
		String detail) {

	public enum State {

		/** Streaming and within the lag bound: serves reads. */
		UP,
		/** Reachable but further behind than the bound: skipped. */
		LAGGING,
		/** Unreachable or failing: skipped. */
		DOWN,
		/** No longer in recovery (promoted): a primary now, skipped for reads. */
		PROMOTED,
		/** Not checked yet: skipped. */
		UNKNOWN

	}

	static ReplicaStatus unknown() {
		return new ReplicaStatus(State.UNKNOWN, -1, -1, -1, Instant.now(), "not checked yet");
	}

	static ReplicaStatus down(String detail) {
		return new ReplicaStatus(State.DOWN, -1, -1, -1, Instant.now(), detail);
	}

	public boolean serves() {
		return state == State.UP;
	}

}
