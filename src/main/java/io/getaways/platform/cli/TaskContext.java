package io.getaways.platform.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.getaways.platform.CliTasks;
import io.getaways.platform.db.CliDatabaseTask;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A small non-web application context for one command-line task, with embedded mode
 * limited to the stores the task needs, so that a migration never starts Redis or
 * MongoDB.
 */
final class TaskContext {

	private TaskContext() {
	}

	static ConfigurableApplicationContext start(Class<?> configuration, GetawaysCommand root, String embeddedStores) {
		return start(new Class<?>[] { configuration }, root, embeddedStores);
	}

	/**
	 * What a module's subcommand may start: the database task, alone or with MongoDB's
	 * embedded server, or nothing.
	 */
	static CliTasks tasks(GetawaysCommand root) {
		return new CliTasks() {

			@Override
			public ConfigurableApplicationContext startWithDatabase(Class<?>... components) {
				return TaskContext.startWithDatabase(root, "postgres", components);
			}

			@Override
			public ConfigurableApplicationContext startWithDatabaseAndMongo(Class<?>... components) {
				return TaskContext.startWithDatabase(root, "postgres,mongo", components);
			}

			@Override
			public ConfigurableApplicationContext startWithoutStores(Class<?>... components) {
				return TaskContext.start(components, root, "");
			}

			@Override
			public ConfigurableApplicationContext startService(Class<?> application) {
				return TaskContext.startService(application, root);
			}
		};
	}

	/**
	 * The service's pool and transactions plus the given components. The database is
	 * provisioned and migrated exactly as {@code serve} does, so that a command works on
	 * a data directory that has never been served.
	 */
	static ConfigurableApplicationContext startWithDatabase(GetawaysCommand root, String embeddedStores,
			Class<?>... components) {
		Class<?>[] sources = Stream.concat(Stream.of(CliDatabaseTask.class), Stream.of(components))
			.toArray(Class<?>[]::new);
		return start(sources, root, embeddedStores);
	}

	/**
	 * The service's own context. Its web security needs the servlet stack, so it listens,
	 * on a random loopback port that nothing is told about.
	 */
	private static ConfigurableApplicationContext startService(Class<?> application, GetawaysCommand root) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET)
			.listeners(root.stores,
					(ApplicationListener<ApplicationEnvironmentPreparedEvent>) TaskContext::loopbackOnly)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN", "logging.level.io.getaways=INFO")
			.run(root.springArguments().toArray(String[]::new));
	}

	/**
	 * Ahead of every other source: as defaults, application.properties'
	 * {@code server.port} (8080) won, so a command failed whenever anything listened
	 * there.
	 */
	private static void loopbackOnly(ApplicationEnvironmentPreparedEvent event) {
		event.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("getawaysTaskWebServer",
					Map.of("server.port", "0", "server.address", "127.0.0.1")));
	}

	private static ConfigurableApplicationContext start(Class<?>[] sources, GetawaysCommand root,
			String embeddedStores) {
		List<String> arguments = root.springArguments();
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.listeners(root.stores)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "getaways.embedded.stores=" + embeddedStores,
					"logging.level.root=WARN", "logging.level.io.getaways=INFO")
			.run(arguments.toArray(String[]::new));
	}

}
