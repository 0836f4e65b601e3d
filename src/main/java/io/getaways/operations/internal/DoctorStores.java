package io.getaways.operations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.getaways.platform.embedded.DataDirectoryInUseException;
import io.getaways.platform.embedded.EmbeddedStores;
import io.getaways.platform.embedded.EmbeddedStores.Store;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Embedded mode for doctor: which stores would run embedded, and a context that starts
 * them over the data directory, provisioned as every command does but never migrated.
 */
final class DoctorStores {

	private static final List<String> QUIET_WHILE_STARTING = List.of("org.springframework.boot.SpringApplication",
			"org.springframework.boot.diagnostics");

	private DoctorStores() {
	}

	/** The stores the configuration leaves to embedded mode, as the service decides. */
	static Set<Store> wanted(ConfigurableEnvironment environment) {
		Set<Store> wanted = EnumSet.noneOf(Store.class);
		if (!environment.getProperty("getaways.embedded.enabled", Boolean.class, true)) {
			return wanted;
		}
		for (Store store : Store.values()) {
			if (!store.isConfigured(environment)) {
				wanted.add(store);
			}
		}
		return wanted;
	}

	static Path dataDir(ConfigurableEnvironment environment) {
		return Path.of(environment.getProperty("getaways.data-dir", "./data")).toAbsolutePath().normalize();
	}

	/**
	 * Starts, on the same command-line properties, a context whose environment holds the
	 * embedded stores' addresses and credentials.
	 */
	static ConfigurableApplicationContext start(ConfigurableEnvironment settings) {
		List<String> arguments = new ArrayList<>();
		if (settings.getPropertySources()
			.get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME) instanceof EnumerablePropertySource<?> cli) {
			for (String name : cli.getPropertyNames()) {
				arguments.add("--" + name + "=" + cli.getProperty(name));
			}
		}
		// the servers log their ports as they start, before this context's own levels
		// apply; and a failure to start is doctor's finding, not a stack trace
		LoggingSystem logging = LoggingSystem.get(DoctorStores.class.getClassLoader());
		logging.setLogLevel("io.getaways", LogLevel.WARN);
		QUIET_WHILE_STARTING.forEach(logger -> logging.setLogLevel(logger, LogLevel.OFF));
		try {
			return new SpringApplicationBuilder(Object.class).web(WebApplicationType.NONE)
				.logStartupInfo(false)
				.properties("spring.main.banner-mode=off", "getaways.embedded.stores=postgres,mongo,redis",
						"getaways.db.migrate-on-start=false", "logging.level.root=WARN",
						"logging.level.io.getaways=WARN")
				.run(arguments.toArray(String[]::new));
		}
		finally {
			QUIET_WHILE_STARTING.forEach(logger -> logging.setLogLevel(logger, null));
		}
	}

	static Set<Store> running(EmbeddedStores embedded) {
		Set<Store> running = EnumSet.noneOf(Store.class);
		if (embedded.postgres() != null) {
			running.add(Store.POSTGRES);
		}
		if (embedded.mongo() != null) {
			running.add(Store.MONGO);
		}
		if (embedded.redis() != null) {
			running.add(Store.REDIS);
		}
		return running;
	}

	static DataDirectoryInUseException inUse(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof DataDirectoryInUseException inUse) {
				return inUse;
			}
		}
		return null;
	}

	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	/** What the running service wrote of itself, such as {@code pid=1234}. */
	static String owner(Path dataDir) {
		try {
			return Files.readString(dataDir.resolve(".getaways.owner")).strip();
		}
		catch (IOException ex) {
			return "pid unknown";
		}
	}

}
