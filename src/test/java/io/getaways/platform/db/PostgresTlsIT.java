package io.getaways.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.getaways.GetawaysApplication;
import io.getaways.support.ExternalTestStores;
import io.getaways.support.HttpApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL over TLS with full verification, against a server of the test's own that
 * accepts nothing but TLS and presents a certificate from a CA the test just made: the
 * driver checks the chain and the host name, and the whole application, migrations
 * included, runs over that channel. Runs the same in embedded and external mode.
 */
class PostgresTlsIT {

	/**
	 * Plain TCP connections are refused: whatever connects at all, connected over TLS.
	 */
	private static final String TLS_ONLY_HBA = """
			local   all all                trust
			hostssl all all 127.0.0.1/32   trust
			hostssl all all ::1/128        trust
			""";

	@TempDir
	static Path dir;

	static EmbeddedPostgres postgres;
	static Path trustedCa;
	static Path otherCa;

	@BeforeAll
	static void startTlsOnlyServer() throws IOException {
		TestCertificates ca = TestCertificates.authority("Getaways Test CA");
		trustedCa = ca.writeCertificate(dir.resolve("ca.pem"));
		otherCa = TestCertificates.authority("Unrelated Test CA").writeCertificate(dir.resolve("other-ca.pem"));
		TestCertificates.ServerFiles server = ca.issueServer("localhost", Files.createDirectory(dir.resolve("tls")));
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("cluster"))
			.setCleanDataDirectory(true)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("ssl", "on")
			.setServerConfig("ssl_cert_file", server.certificate().toString())
			.setServerConfig("ssl_key_file", server.key().toString())
			.setDataDirectoryCustomizer(cluster -> writeHba(cluster.toPath()))
			.start();
	}

	@AfterAll
	static void stopServer() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void verifyFullConnectionRunsOverTls() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url("postgres", "localhost", verifyFull(trustedCa)),
				"postgres", null);
				ResultSet ssl = connection.createStatement()
					.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
			assertThat(ssl.next()).isTrue();
			assertThat(ssl.getBoolean("ssl")).isTrue();
			assertThat(ssl.getString("version")).startsWith("TLS");
		}
	}

	@Test
	void aCertificateFromAnotherCaIsRefused() {
		assertThatThrownBy(
				() -> DriverManager.getConnection(url("postgres", "localhost", verifyFull(otherCa)), "postgres", null)
					.close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("SSL");
	}

	@Test
	void aHostTheCertificateDoesNotNameIsRefused() {
		assertThatThrownBy(
				() -> DriverManager.getConnection(url("postgres", "127.0.0.1", verifyFull(trustedCa)), "postgres", null)
					.close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("127.0.0.1");
	}

	@Test
	void theServerRefusesConnectionsWithoutTls() {
		assertThatThrownBy(
				() -> DriverManager.getConnection(url("postgres", "localhost", "sslmode=disable"), "postgres", null)
					.close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("no encryption");
	}

	@Test
	void theApplicationMigratesAndServesOverVerifiedTls() throws SQLException {
		DatabaseRoles roles = new DatabaseRoles("tls_it");
		String database = "getaways_tls";
		String ownerPassword = "tls-owner-password";
		PostgresProvisioner.provision(url("postgres", "localhost", verifyFull(trustedCa)), "postgres", null, database,
				roles, ownerPassword);

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GetawaysApplication.class).run(
				"--getaways.data-dir=" + dir.resolve("app"), "--server.port=0",
				"--spring.datasource.url=" + url(database, "localhost", verifyFull(trustedCa)),
				"--spring.datasource.username=" + roles.app(), "--spring.datasource.password=tls-app-password",
				"--getaways.db.role-prefix=" + roles.prefix(), "--getaways.db.owner.password=" + ownerPassword,
				"--" + ExternalTestStores.ENABLED + "=false", "--logging.level.io.zonky=WARN",
				"--logging.level.liquibase=WARN")) {
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			HttpApi.Answer readiness = new HttpApi(port).get("/actuator/health/readiness");
			assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
			assertThat(readiness.json().get("status").asString()).isEqualTo("UP");

			JdbcTemplate pool = new JdbcTemplate(app.getBean("requestsPool", HikariDataSource.class));
			assertThat(pool.queryForObject("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", Boolean.class))
				.isTrue();
			try (Connection superuser = DriverManager.getConnection(url(database, "localhost", verifyFull(trustedCa)),
					"postgres", null); PreparedStatement sessions = superuser.prepareStatement("""
							SELECT to_regclass('app.users') IS NOT NULL AS migrated,
							       bool_and(s.ssl) AS all_tls,
							       count(*) FILTER (WHERE a.usename = ?) AS pool_connections
							FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
							WHERE a.datname = current_database() AND a.backend_type = 'client backend'""")) {
				sessions.setString(1, roles.app());
				ResultSet row = sessions.executeQuery();
				row.next();
				assertThat(row.getBoolean("migrated")).as("migrations ran, over TLS as the server allows nothing else")
					.isTrue();
				assertThat(row.getBoolean("all_tls")).isTrue();
				assertThat(row.getLong("pool_connections")).isPositive();
			}
		}
	}

	private static String url(String database, String host, String parameters) {
		return "jdbc:postgresql://" + host + ":" + postgres.getPort() + "/" + database + "?" + parameters;
	}

	private static String verifyFull(Path caFile) {
		return "sslmode=verify-full&sslrootcert=" + caFile;
	}

	private static void writeHba(Path cluster) {
		try {
			Files.writeString(cluster.resolve("pg_hba.conf"), TLS_ONLY_HBA);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
