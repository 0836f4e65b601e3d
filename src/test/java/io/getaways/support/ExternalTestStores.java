package io.getaways.support;

import java.util.HashMap;
import java.util.Map;

import io.getaways.platform.db.DatabaseRoles;
import io.getaways.platform.db.PostgresProvisioner;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the external-stores Maven profile, points the tests at the machine's PostgreSQL and
 * Redis: it provisions a test database through a superuser once per JVM, the way an
 * operator would, and leaves MongoDB embedded. Runs before the embedded-stores
 * post-processor, which then starts only what is still unconfigured. An application
 * started with {@value #ENABLED}{@code =false} is left alone.
 */
public class ExternalTestStores implements EnvironmentPostProcessor, Ordered {

	static final String POSTGRES_ADMIN_URL = "getaways.test.external.postgres-admin-url";
	static final String REDIS_URL = "getaways.test.external.redis-url";

	/**
	 * Set to false by a test that starts an application on servers of its own, in either
	 * mode.
	 */
	public static final String ENABLED = "getaways.test.external.enabled";

	private static Map<String, Object> provisioned;

	private static boolean redisFlushed;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String adminUrl = System.getProperty(POSTGRES_ADMIN_URL, "");
		String redisUrl = System.getProperty(REDIS_URL, "");
		if (adminUrl.isBlank() && redisUrl.isBlank() || !environment.getProperty(ENABLED, Boolean.class, true)) {
			return;
		}
		Map<String, Object> properties = new HashMap<>();
		if (!adminUrl.isBlank()) {
			properties.putAll(provision(adminUrl));
		}
		if (!redisUrl.isBlank()) {
			properties.put("spring.data.redis.url", cleanRedis(redisUrl));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("externalTestStores", properties));
		if (!adminUrl.isBlank()) {
			// every application of this JVM shares the database, so they share the keys
			// of its
			// passenger data too; last, so that a test's own arguments still win
			environment.getPropertySources().addLast(new MapPropertySource("externalTestKeys", sharedKeys()));
		}
	}

	private static Map<String, Object> sharedKeys() {
		return Map.of("getaways.crypto.keys.ci", ciOnlyKey("passenger data"), "getaways.crypto.active-key", "ci",
				"getaways.crypto.index-key", ciOnlyKey("blind index"));
	}

	/** A fixed key, for the CI database only: 32 bytes, base64. */
	private static String ciOnlyKey(String purpose) {
		try {
			return java.util.Base64.getEncoder()
				.encodeToString(java.security.MessageDigest.getInstance("SHA-256")
					.digest(("ci-only " + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static synchronized Map<String, Object> provision(String adminUrl) {
		if (provisioned == null) {
			String database = System.getProperty("getaways.test.external.database", "getaways_ci");
			String admin = System.getProperty("getaways.test.external.postgres-admin-user", "postgres");
			DatabaseRoles roles = new DatabaseRoles("getaways_ci");
			String password = "ci-only-password";
			ExternalDatabases.recreate(adminUrl, admin, database);
			PostgresProvisioner.provision(adminUrl, admin, null, database, roles, password);
			String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
			provisioned = Map.of("spring.datasource.url", url, "spring.datasource.username", roles.app(),
					"spring.datasource.password", password, "getaways.db.role-prefix", roles.prefix(),
					"getaways.db.owner.password", password, "getaways.demo-data.enabled", "true",
					// every application of this JVM shares the database, so they must
					// share what encrypts its keys
					"getaways.identity.key-encryption-secret", "ci-only-key-encryption-secret");
		}
		return provisioned;
	}

	/**
	 * The machine's Redis outlives test runs, so the tests get a database of their own,
	 * emptied once per JVM: an entry cached by an earlier run must never answer for this
	 * run's data.
	 */
	private static synchronized String cleanRedis(String redisUrl) {
		String url = redisUrl.matches("redis://[^/]+/\\d+") ? redisUrl : redisUrl.replaceAll("/+$", "") + "/7";
		if (!redisFlushed) {
			try (RedisClient client = RedisClient.create(url);
					StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().flushdb();
			}
			redisFlushed = true;
		}
		return url;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
