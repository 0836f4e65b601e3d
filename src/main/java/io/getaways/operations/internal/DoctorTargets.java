package io.getaways.operations.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

import io.getaways.platform.embedded.EmbeddedStores;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the stores are and how to log in, as the service would find them: from its
 * configuration (external stores, or embedded ones doctor started), or, while a service
 * holds the data directory, from what that service leaves in it.
 *
 * @param mongoUri null when it cannot be found out
 * @param redisUrl null when it cannot be found out
 * @param embedded the stores that run embedded
 * @param healthUrl the running service's health endpoint, when doctor could not reach the
 * stores itself
 */
record DoctorTargets(Postgres postgres, String mongoUri, String mongoDatabase, String redisUrl,
		Set<EmbeddedStores.Store> embedded, String healthUrl) {

	/**
	 * @param ownerUser the schema owner, who reads the migration history and the
	 * catalogs;
	 * @param ownerPassword blank when not configured
	 */
	record Postgres(String url, String appUser, String appPassword, String ownerUser, String ownerPassword,
			String rolePrefix) {

		String address() {
			return url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
		}

		boolean hasOwner() {
			return StringUtils.hasText(ownerPassword);
		}

	}

	static DoctorTargets from(Environment environment, Set<EmbeddedStores.Store> embedded) {
		String prefix = environment.getProperty("getaways.db.role-prefix", "getaways");
		String owner = environment.getProperty("getaways.db.owner.username");
		String url = environment.getProperty("spring.datasource.url");
		Postgres postgres = url == null ? null
				: new Postgres(url, environment.getProperty("spring.datasource.username"),
						environment.getProperty("spring.datasource.password"),
						StringUtils.hasText(owner) ? owner : prefix + "_owner",
						environment.getProperty("getaways.db.owner.password"), prefix);
		return new DoctorTargets(postgres, mongoUri(environment),
				environment.getProperty("spring.mongodb.database", "getaways"), redisUrl(environment), embedded, null);
	}

	/**
	 * The running service's PostgreSQL is found through the port in its
	 * {@code postmaster.pid} and the passwords embedded mode keeps in
	 * {@code secrets.properties}; MongoDB's and Redis' ports are written nowhere, so
	 * those two are judged by the service's health endpoint.
	 */
	static DoctorTargets ofRunningService(Path dataDir, Environment environment, boolean embeddedPostgres)
			throws IOException {
		String prefix = environment.getProperty("getaways.db.role-prefix", "getaways");
		String database = environment.getProperty("getaways.embedded.database", "getaways");
		Postgres postgres = null;
		if (embeddedPostgres) {
			List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
			Properties secrets = new Properties();
			try (Reader reader = Files.newBufferedReader(dataDir.resolve("secrets.properties"))) {
				secrets.load(reader);
			}
			postgres = new Postgres("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/" + database,
					prefix + "_app", secrets.getProperty("app"), prefix + "_owner", secrets.getProperty("owner"),
					prefix);
		}
		String port = environment.getProperty("server.port", "8080");
		return new DoctorTargets(postgres, null, database, null, EnumSet.allOf(EmbeddedStores.Store.class),
				"http://localhost:" + port + "/actuator/health");
	}

	private static String mongoUri(Environment environment) {
		String uri = environment.getProperty("spring.mongodb.uri");
		if (StringUtils.hasText(uri)) {
			return uri;
		}
		String host = environment.getProperty("spring.mongodb.host");
		return StringUtils.hasText(host)
				? "mongodb://" + host + ":" + environment.getProperty("spring.mongodb.port", "27017") : null;
	}

	private static String redisUrl(Environment environment) {
		String url = environment.getProperty("spring.data.redis.url");
		if (StringUtils.hasText(url)) {
			return url;
		}
		String host = environment.getProperty("spring.data.redis.host");
		String address = StringUtils.hasText(host)
				? host + ":" + environment.getProperty("spring.data.redis.port", "6379") : null;
		String clusterNodes = environment.getProperty("spring.data.redis.cluster.nodes");
		if (address == null && StringUtils.hasText(clusterNodes)) {
			// any node of a cluster answers PING and INFO; the first seed stands for it
			address = clusterNodes.split(",")[0].strip();
		}
		if (address == null) {
			return null;
		}
		String password = environment.getProperty("spring.data.redis.password");
		boolean tls = environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false);
		return (tls ? "rediss://" : "redis://") + (StringUtils.hasText(password) ? ":" + password + "@" : "") + address;
	}

	/** An address to print: the URL without credentials or options. */
	static String printable(String url) {
		return url.replaceFirst("^[a-z+]+://", "").replaceFirst("^[^@/]*@", "").replaceFirst("[/?].*$", "");
	}

}
