package io.getaways.platform;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the command line offers a module's subcommand: a short-lived context on the
 * service's configuration.
 */
public interface CliTasks {

	/**
	 * Starts a non-web context holding the application pool (logging in as the
	 * application role, one actor per transaction, as in the service), a
	 * {@code JdbcClient}, a {@code TransactionTemplate} and store metrics, plus the given
	 * components. In embedded mode it starts only PostgreSQL. It provisions and migrates
	 * as the service does on start, so a task works on a new data directory; with
	 * {@code getaways.db.migrate-on-start=false} a pending migration stops it instead.
	 */
	ConfigurableApplicationContext startWithDatabase(Class<?>... components);

	/**
	 * As {@link #startWithDatabase}, for a task that also works on MongoDB documents: in
	 * embedded mode the embedded MongoDB starts too, and {@code spring.mongodb.*} point
	 * at it. The task brings its own MongoDB client beans.
	 */
	ConfigurableApplicationContext startWithDatabaseAndMongo(Class<?>... components);

	/**
	 * A non-web context of the given components on the service's configuration that
	 * starts no store at all, for tasks that work on files, such as reading a backup
	 * repository.
	 */
	ConfigurableApplicationContext startWithoutStores(Class<?>... components);

	/**
	 * The whole service on its configuration, for tasks that write through other modules'
	 * APIs (an import): every store, every module's beans, and the listeners that carry
	 * events to MongoDB. Its web server listens on a random loopback port only. Events
	 * still unsent when the task ends are resubmitted when the service next starts.
	 */
	ConfigurableApplicationContext startService(Class<?> application);

}
