package io.getaways.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.getaways.GetawaysApplication;
import io.getaways.support.ExternalTestStores;
import io.getaways.platform.embedded.EmbeddedStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * A second, complete application in the test JVM, configured the way an operator
 * configures another instance beside a running one: the same PostgreSQL, MongoDB and
 * Redis, given by their standard connection properties (copied from the running test
 * application, whether its servers are embedded or the machine's), and no embedded server
 * of its own. It runs its own web server, scheduler, outbox listeners and notifier, like
 * any other instance.
 */
public final class SecondInstance implements AutoCloseable {

	/**
	 * Its PostgreSQL sessions carry this name, so that tests can tell them from the first
	 * instance's.
	 */
	public static final String APPLICATION_NAME = "getaways-second";

	/**
	 * What an instance needs to share the first one's stores and secrets, in Spring
	 * Boot's and Getaways' names.
	 */
	private static final List<String> SHARED = List.of("spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "getaways.db.role-prefix", "spring.mongodb.uri", "spring.mongodb.host",
			"spring.mongodb.port", "spring.mongodb.database", "spring.mongodb.username", "spring.mongodb.password",
			"spring.data.redis.url", "spring.data.redis.host", "spring.data.redis.port", "spring.data.redis.password",
			"spring.data.redis.database", "getaways.identity.key-encryption-secret");

	private final ConfigurableApplicationContext context;

	private SecondInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts beside the application of {@code first}, on the same stores, with the test
	 * profile's pace of jobs.
	 */
	public static SecondInstance besides(Environment first) {
		return besides(first, null);
	}

	/**
	 * As {@link #besides(Environment)}, but configured with these encryption settings
	 * ({@code getaways.crypto.*}) instead of the first instance's, as an operator who got
	 * them wrong would start it.
	 */
	public static SecondInstance withKeys(Environment first, Map<String, String> crypto) {
		return besides(first, crypto);
	}

	private static SecondInstance besides(Environment first, Map<String, String> crypto) {
		List<String> arguments = new ArrayList<>();
		for (String name : SHARED) {
			String value = first.getProperty(name);
			if (StringUtils.hasText(value)) {
				arguments.add("--" + name + "=" + value);
			}
		}
		// the keys as they are now: a rotation in this JVM may have added one since the
		// first instance started
		EmbeddedStores stores = EmbeddedStores.running(Path.of(first.getProperty("getaways.data-dir", "./data")));
		if (crypto != null) {
			crypto.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		}
		else if (stores != null && first.getProperty("getaways.crypto.generated", Boolean.class, false)) {
			stores.encryptionProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		}
		else if (first instanceof ConfigurableEnvironment configured) {
			// keys from configuration (the external-stores pass pins them for every
			// application of the JVM)
			Set<String> names = new TreeSet<>();
			configured.getPropertySources()
				.stream()
				.filter(EnumerablePropertySource.class::isInstance)
				.flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
				.filter(name -> name.startsWith("getaways.crypto."))
				.forEach(names::add);
			names.forEach(name -> arguments.add("--" + name + "=" + first.getProperty(name)));
		}
		arguments.addAll(List.of("--spring.profiles.active=test", "--server.port=0",
				"--spring.datasource.hikari.data-source-properties.ApplicationName=" + APPLICATION_NAME,
				// an external client: no embedded server, and none of the test JVM's
				// provisioning either
				"--getaways.embedded.enabled=false", "--" + ExternalTestStores.ENABLED + "=false",
				// the first instance migrated the schema and loaded the demo catalog;
				// repeating both is a no-op
				"--getaways.db.migrate-on-start=false", "--getaways.demo-data.enabled=false"));
		return new SecondInstance(
				new SpringApplicationBuilder(GetawaysApplication.class).run(arguments.toArray(String[]::new)));
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() {
		context.close();
	}

}
