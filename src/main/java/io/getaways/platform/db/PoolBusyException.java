package io.getaways.platform.db;

import java.sql.SQLTransientConnectionException;

/**
 * Every connection of a workload's pool stayed in use for the whole connection timeout:
 * that workload is over its capacity, while PostgreSQL itself answers.
 */
public class PoolBusyException extends SQLTransientConnectionException {

	private final String pool;

	public PoolBusyException(String pool, int active, int max, int waiting, long timeoutMs,
			SQLTransientConnectionException cause) {
		super(pool + " - all " + max + " connections busy for " + timeoutMs + " ms (active " + active + ", waiting "
				+ waiting + ")", null, cause);
		this.pool = pool;
	}

	public String pool() {
		return pool;
	}

}
