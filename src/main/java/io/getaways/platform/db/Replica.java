package io.getaways.platform.db;

import com.zaxxer.hikari.HikariDataSource;

/** One read replica: its pool and what the last check found. */
public final class Replica {

	private final String name;

	private final HikariDataSource pool;

	private volatile ReplicaStatus status = ReplicaStatus.unknown();

	Replica(String name, HikariDataSource pool) {
		this.name = name;
		this.pool = pool;
	}

	public String name() {
		return name;
	}

	HikariDataSource pool() {
		return pool;
	}

	public ReplicaStatus status() {
		return status;
	}

	void update(ReplicaStatus status) {
		this.status = status;
	}

	/**
	 * Whether it may serve a read that must see every commit up to {@code requiredLsn}.
	 */
	boolean canServe(long requiredLsn) {
		ReplicaStatus current = status;
		return current.serves() && current.replayLsn() >= requiredLsn;
	}

}
