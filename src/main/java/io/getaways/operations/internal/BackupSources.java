package io.getaways.operations.internal;

import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.getaways.platform.embedded.EmbeddedStores;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.env.Environment;

/**
 * What a backup reads: the PostgreSQL server as its superuser (the low-level backup API,
 * restore points and reading every table past row-level security need one), the MongoDB
 * database, and the embedded data directory's secrets. The built-in engine copies a data
 * directory it can see, so it works when PostgreSQL runs embedded.
 */
final class BackupSources {

	private final String superuserUrl;

	private final Path secretsFile;

	private final Environment environment;

	/**
	 * @param superuserUrl a JDBC URL of the embedded server's database for its superuser,
	 * or null when PostgreSQL is external
	 * @param secretsFile the embedded data directory's secrets, or null
	 */
	BackupSources(String superuserUrl, Path secretsFile, Environment environment) {
		this.superuserUrl = superuserUrl;
		this.secretsFile = secretsFile;
		this.environment = environment;
	}

	static BackupSources of(EmbeddedStores embedded, Environment environment) {
		boolean embeddedPostgres = embedded != null && embedded.postgres() != null;
		String database = environment.getProperty("getaways.embedded.database", "getaways");
		return new BackupSources(embeddedPostgres ? embedded.postgresSuperuserUrl(database) : null,
				embedded == null ? null : embedded.dataDir().resolve("secrets.properties"), environment);
	}

	String database() {
		return environment.getProperty("getaways.embedded.database", "getaways");
	}

	DataSource postgresSuperuser() {
		if (superuserUrl == null) {
			throw new BackupFailedException("PostgreSQL is an external server: the built-in backup copies the embedded "
					+ "server's data directory only; configure pgBackRest with getaways.backup.pgbackrest.stanza "
					+ "(docs/operations/backups.md)");
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(superuserUrl);
		dataSource.setUser("postgres");
		dataSource.setApplicationName("getaways-backup");
		return dataSource;
	}

	boolean embeddedPostgres() {
		return superuserUrl != null;
	}

	/**
	 * A connection to read the database clock and WAL position: the superuser's, or the
	 * service's own login.
	 */
	DataSource clock() {
		if (embeddedPostgres()) {
			return postgresSuperuser();
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(environment.getRequiredProperty("spring.datasource.url"));
		dataSource.setUser(environment.getProperty("spring.datasource.username"));
		dataSource.setPassword(environment.getProperty("spring.datasource.password"));
		dataSource.setApplicationName("getaways-backup");
		return dataSource;
	}

	/**
	 * A client of the configured MongoDB, or empty when none is configured; the caller
	 * closes it.
	 */
	Optional<MongoConnection> mongo() {
		String uri = environment.getProperty("spring.mongodb.uri", "");
		if (uri.isBlank()) {
			return Optional.empty();
		}
		ConnectionString connection = new ConnectionString(uri);
		String database = connection.getDatabase() != null ? connection.getDatabase()
				: environment.getProperty("spring.mongodb.database", database());
		return Optional.of(new MongoConnection(MongoClients.create(connection), database));
	}

	/**
	 * The embedded data directory's generated secrets, which a restored cluster's role
	 * passwords match.
	 */
	Optional<Path> secretsFile() {
		return Optional.ofNullable(secretsFile);
	}

	record MongoConnection(MongoClient client, String database) implements AutoCloseable {

		@Override
		public void close() {
			client.close();
		}
	}

}
