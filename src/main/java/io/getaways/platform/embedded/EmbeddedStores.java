package io.getaways.platform.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.getaways.platform.db.DatabaseRoles;
import io.getaways.platform.db.PostgresProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * The embedded servers running over one data directory. Shared by every application
 * context of this JVM that names the same directory (tests cache several contexts), and
 * stopped when the last of them closes.
 */
public final class EmbeddedStores implements AutoCloseable {

	public enum Store {

		POSTGRES, MONGO, REDIS;

		/**
		 * Whether configuration names a server of this store, so that no embedded one is
		 * wanted: a URL or host, and for Redis also a Cluster's nodes or a Sentinel's
		 * master.
		 */
		public boolean isConfigured(PropertyResolver properties) {
			List<String> names = switch (this) {
				case POSTGRES -> List.of("spring.datasource.url");
				case MONGO -> List.of("spring.mongodb.uri", "spring.mongodb.host");
				case REDIS -> List.of("spring.data.redis.url", "spring.data.redis.host",
						"spring.data.redis.cluster.nodes", "spring.data.redis.sentinel.master");
			};
			return names.stream().anyMatch(name -> StringUtils.hasText(properties.getProperty(name)));
		}

	}

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStores.class);

	private static final Map<Path, EmbeddedStores> RUNNING = new HashMap<>();

	private final Path dataDir;

	private final DataDirectoryLock lock;

	private final GeneratedSecrets secrets;

	private EmbeddedPostgresServer postgres;

	private final List<EmbeddedStandby> standbys = new ArrayList<>();

	private EmbeddedMongoServer mongo;

	private EmbeddedRedisServer redis;

	private int users;

	private EmbeddedStores(Path dataDir) {
		this.dataDir = dataDir;
		this.lock = DataDirectoryLock.acquire(dataDir);
		this.secrets = GeneratedSecrets.load(dataDir);
	}

	static synchronized EmbeddedStores acquire(Path dataDir, Set<Store> wanted, EmbeddedSettings settings) {
		EmbeddedStores stores = RUNNING.get(dataDir);
		if (stores == null) {
			stores = new EmbeddedStores(dataDir);
			RUNNING.put(dataDir, stores);
		}
		try {
			stores.startMissing(wanted, settings);
		}
		catch (RuntimeException ex) {
			if (stores.users == 0) {
				stores.shutdown();
			}
			throw ex;
		}
		stores.users++;
		return stores;
	}

	/** The stores already running over this directory in this JVM, if any. */
	public static synchronized EmbeddedStores running(Path dataDir) {
		return RUNNING.get(dataDir.toAbsolutePath().normalize());
	}

	private void startMissing(Set<Store> wanted, EmbeddedSettings settings) {
		if (wanted.contains(Store.POSTGRES) && postgres == null) {
			postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), settings.postgresPort(),
					settings.walArchiving());
			DatabaseRoles roles = new DatabaseRoles(settings.rolePrefix());
			PostgresProvisioner.provision(postgres.superuserJdbcUrl("postgres"), "postgres", null, settings.database(),
					roles, secrets.get("owner"));
			startStandbys(settings);
		}
		if (wanted.contains(Store.MONGO) && mongo == null) {
			mongo = EmbeddedMongoServer.start(dataDir.resolve("mongo"), settings.mongoPort());
		}
		if (wanted.contains(Store.REDIS) && redis == null) {
			redis = EmbeddedRedisServer.start(dataDir.resolve("redis"), settings.redisPort());
		}
	}

	private void startStandbys(EmbeddedSettings settings) {
		for (int i = 1; i <= settings.replicas(); i++) {
			String name = "replica-" + i;
			standbys
				.add(EmbeddedStandby.start(name, dataDir.resolve(EmbeddedStandby.DIRECTORY_PREFIX + name), postgres));
		}
		SynchronousStandbys.apply(postgres.superuserJdbcUrl("postgres"),
				settings.synchronousReplicas() ? standbys.stream().map(EmbeddedStandby::name).toList() : List.of());
	}

	/**
	 * Connection properties for the stores this instance runs, in Spring Boot's standard
	 * names.
	 */
	Map<String, Object> connectionProperties(EmbeddedSettings settings) {
		Map<String, Object> properties = new HashMap<>();
		if (postgres != null) {
			DatabaseRoles roles = new DatabaseRoles(settings.rolePrefix());
			properties.put("spring.datasource.url", primaryUrl(settings.database()));
			if (!standbys.isEmpty()) {
				properties.put("getaways.replicas.urls",
						String.join(",", standbys.stream()
							.map(standby -> "jdbc:postgresql://localhost:" + standby.port() + "/" + settings.database())
							.toList()));
			}
			properties.put("spring.datasource.username", roles.app());
			properties.put("spring.datasource.password", secrets.get("app"));
			properties.put("getaways.db.owner.username", roles.owner());
			properties.put("getaways.db.owner.password", secrets.get("owner"));
			properties.put("getaways.db.login-passwords.readonly", secrets.get("readonly"));
			properties.put("getaways.db.login-passwords.auditor", secrets.get("auditor"));
			properties.put("getaways.db.login-passwords.backup", secrets.get("backup"));
		}
		if (mongo != null) {
			properties.put("spring.mongodb.uri", "mongodb://127.0.0.1:" + mongo.port() + "/" + settings.database());
		}
		if (redis != null) {
			properties.put("spring.data.redis.url", "redis://127.0.0.1:" + redis.port());
		}
		return properties;
	}

	/**
	 * With standbys, every server in one multi-host URL that connects only to the one
	 * accepting writes, so that once a standby is promoted the pools reconnect to it; the
	 * host status is checked again after two seconds rather than pgjdbc's ten.
	 */
	private String primaryUrl(String database) {
		if (standbys.isEmpty()) {
			return "jdbc:postgresql://localhost:" + postgres.port() + "/" + database;
		}
		StringBuilder hosts = new StringBuilder("localhost:" + postgres.port());
		standbys.forEach(standby -> hosts.append(",localhost:").append(standby.port()));
		return "jdbc:postgresql://" + hosts + "/" + database + "?targetServerType=primary&hostRecheckSeconds=2";
	}

	/**
	 * Superuser JDBC URL of the embedded PostgreSQL (trust authentication, local only);
	 * null when it is external.
	 */
	public String postgresSuperuserUrl(String database) {
		return postgres == null ? null : postgres.superuserJdbcUrl(database);
	}

	/**
	 * A secret generated once for this data directory, such as the key that encrypts
	 * signing keys at rest.
	 */
	String secret(String name) {
		return secrets.get(name);
	}

	/**
	 * Generates a new encryption key in this data directory and makes it the active one;
	 * its id and base64 value, for {@code keys rotate} in embedded mode.
	 */
	public Map.Entry<String, String> newEncryptionKey() {
		String id = secrets.newEncryptionKey();
		return Map.entry(id, secrets.encryptionKeys().keys().get(id));
	}

	GeneratedSecrets.EncryptionKeys encryptionKeys() {
		return secrets.encryptionKeys();
	}

	/**
	 * The encryption keys generated for this data directory as they are now (a rotation
	 * adds one), in the properties that configure them.
	 */
	public Map<String, String> encryptionProperties() {
		GeneratedSecrets.EncryptionKeys keys = secrets.encryptionKeys();
		Map<String, String> properties = new HashMap<>();
		keys.keys().forEach((id, value) -> properties.put("getaways.crypto.keys." + id, value));
		properties.put("getaways.crypto.active-key", keys.activeKey());
		properties.put("getaways.crypto.index-key", keys.indexKey());
		return properties;
	}

	public Path dataDir() {
		return dataDir;
	}

	/**
	 * The embedded PostgreSQL, for operators' and tests' fault drills; null when
	 * PostgreSQL is external.
	 */
	public EmbeddedPostgresServer postgres() {
		return postgres;
	}

	/**
	 * The embedded standbys of PostgreSQL, in the order of
	 * {@code getaways.replicas.urls}.
	 */
	public List<EmbeddedStandby> standbys() {
		return List.copyOf(standbys);
	}

	/**
	 * The embedded MongoDB, for operators' and tests' fault drills; null when MongoDB is
	 * external.
	 */
	public EmbeddedMongoServer mongo() {
		return mongo;
	}

	/**
	 * The embedded Redis, for operators' and tests' fault drills; null when Redis is
	 * external.
	 */
	public EmbeddedRedisServer redis() {
		return redis;
	}

	/** Releases one user; the last one stops the servers and the directory lock. */
	@Override
	public void close() {
		synchronized (EmbeddedStores.class) {
			if (--users > 0) {
				return;
			}
			RUNNING.remove(dataDir);
			shutdown();
		}
	}

	private void shutdown() {
		log.info("Embedded stores: stopping servers over {}", dataDir);
		if (redis != null) {
			redis.close();
		}
		if (mongo != null) {
			mongo.close();
		}
		standbys.forEach(EmbeddedStandby::close);
		if (postgres != null) {
			postgres.close();
		}
		lock.close();
		RUNNING.remove(dataDir);
	}

}
