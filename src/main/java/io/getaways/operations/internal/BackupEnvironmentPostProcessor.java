package io.getaways.operations.internal;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Before the embedded servers start: resolves the repository (by default beside the data
 * directory), and, unless backups are off, installs the WAL archive script and asks the
 * embedded PostgreSQL to archive through it.
 */
public class BackupEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String PROPERTY_SOURCE = "getawaysBackupDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		Path repository = repository(environment);
		boolean enabled = environment.getProperty(BackupSettings.PREFIX + ".enabled", Boolean.class, true);
		// resolved values, so first: they already honour what the configuration says
		Map<String, Object> defaults = new java.util.HashMap<>();
		defaults.put(BackupSettings.PREFIX + ".repository", repository.toString());
		defaults.put(BackupSettings.PREFIX + ".enabled", String.valueOf(enabled));
		boolean embeddedPostgres = environment.getProperty("getaways.embedded.enabled", Boolean.class, true)
				&& environment.getProperty("spring.datasource.url", "").isBlank();
		if (enabled && embeddedPostgres) {
			defaults.put("getaways.embedded.postgres-archive-command", WalArchive.install(repository));
			defaults.put("getaways.embedded.postgres-archive-timeout",
					environment.getProperty(BackupSettings.PREFIX + ".archive-timeout", "60s"));
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, defaults));
	}

	static Path repository(ConfigurableEnvironment environment) {
		String configured = environment.getProperty(BackupSettings.PREFIX + ".repository", "");
		if (!configured.isBlank()) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		Path dataDir = Path.of(environment.getProperty("getaways.data-dir", "./data")).toAbsolutePath().normalize();
		return dataDir.resolveSibling("backups");
	}

	/** Before the embedded servers, which read the archive command. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
