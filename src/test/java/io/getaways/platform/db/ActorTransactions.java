package io.getaways.platform.db;

import javax.sql.DataSource;

import org.springframework.transaction.PlatformTransactionManager;

/**
 * The application's transaction manager over a data source a test controls, such as a
 * pool of one connection, for tests outside this package that must know which physical
 * connection each transaction runs on.
 */
public final class ActorTransactions {

	private ActorTransactions() {
	}

	public static PlatformTransactionManager over(DataSource dataSource, DatabaseRoles roles) {
		return new ActorTransactionManager(dataSource, roles);
	}

}
