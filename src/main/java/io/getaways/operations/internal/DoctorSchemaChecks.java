package io.getaways.operations.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.platform.db.DatabaseMigrator;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import io.getaways.platform.db.DatabaseSettings;
import io.getaways.platform.db.DatabaseSettings.Credentials;
import io.getaways.platform.db.DatabaseSettings.LoginPasswords;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What doctor checks inside PostgreSQL, logged in as the schema owner: migrations, the
 * extensions the changesets create, roles and row-level security, the clock, and the
 * signing keys.
 */
final class DoctorSchemaChecks {

	private static final Pattern EXTENSION = Pattern.compile("(?i)CREATE EXTENSION IF NOT EXISTS (\\w+)");

	private static final String EXTENSIONS = """
			SELECT extname
			FROM pg_extension""";

	private static final String CLOCK = """
			SELECT clock_timestamp()""";

	private static final String SIGNING_KEYS = """
			SELECT count(*) FILTER (WHERE retired_at IS NULL) AS active
			FROM system.signing_keys""";

	private final DoctorTargets.Postgres target;

	private final DoctorRoleChecks roles;

	DoctorSchemaChecks(DoctorTargets.Postgres target) {
		this.target = target;
		this.roles = new DoctorRoleChecks(target);
	}

	/** Pending changesets fail; so does a changed checksum. */
	DoctorFinding migrations() {
		DatabaseMigrator migrator = new DatabaseMigrator(target.url(), new DatabaseSettings(target.rolePrefix(), false,
				new Credentials(target.ownerUser(), target.ownerPassword()), new LoginPasswords(null, null, null)),
				target.appPassword());
		try {
			// Liquibase reports validation on standard output, which --json must keep
			// clean
			Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), migrator::validate);
		}
		catch (Exception ex) {
			return DoctorFinding.fail("migrations", "applied changesets do not match the changelog ("
					+ validationProblem(ex) + "): restore the changeset files of this release");
		}
		try {
			DatabaseMigrator.MigrationStatus status = migrator.status();
			if (!status.pending().isEmpty()) {
				return DoctorFinding.fail("migrations",
						status.pending().size() + " of " + (status.applied().size() + status.pending().size())
								+ " changesets pending (first: " + status.pending().get(0)
								+ "): run `getaways migrate up`");
			}
			return DoctorFinding.ok("migrations", status.applied().size() + " changesets applied, checksums valid");
		}
		catch (RuntimeException ex) {
			return DoctorFinding.fail("migrations", firstLine(ex.getMessage()));
		}
	}

	DoctorFinding extensions() throws SQLException {
		Set<String> required = requiredExtensions();
		try (Connection connection = ownerConnection()) {
			Set<String> present = new TreeSet<>(jdbc(connection).sql(EXTENSIONS).query(String.class).list());
			Set<String> missing = new TreeSet<>(required);
			missing.removeAll(present);
			return missing.isEmpty() ? DoctorFinding.ok("extensions", String.join(", ", required) + " present")
					: DoctorFinding.fail("extensions", "missing " + missing
							+ ": install the PostgreSQL contrib package, then run `getaways migrate up`");
		}
	}

	DoctorFinding rolesAndRowLevelSecurity() throws SQLException {
		try (Connection connection = ownerConnection()) {
			return roles.check(jdbc(connection));
		}
	}

	/** Skew against the database clock, corrected for half the round trip. */
	DoctorFinding clock() throws SQLException {
		try (Connection connection = ownerConnection()) {
			Instant before = Instant.now();
			Instant database = jdbc(connection).sql(CLOCK).query(java.sql.Timestamp.class).single().toInstant();
			Instant after = Instant.now();
			Instant local = before.plus(Duration.between(before, after).dividedBy(2));
			Duration skew = Duration.between(local, database).abs();
			String detail = "this host and PostgreSQL differ by " + skew.toMillis() + " ms";
			if (skew.compareTo(Duration.ofSeconds(30)) > 0) {
				return DoctorFinding.fail("clock", detail + ": synchronise both clocks (chrony or systemd-timesyncd)");
			}
			if (skew.compareTo(Duration.ofSeconds(1)) > 0) {
				return DoctorFinding.warn("clock", detail + ": synchronise both clocks (chrony or systemd-timesyncd)");
			}
			return DoctorFinding.ok("clock", detail);
		}
	}

	DoctorFinding signingKeys() throws SQLException {
		try (Connection connection = ownerConnection()) {
			long active = jdbc(connection).sql(SIGNING_KEYS).query(Long.class).single();
			return active > 0 ? DoctorFinding.ok("signing-keys", active + " active JWT signing key(s)") : DoctorFinding
				.warn("signing-keys", "no active JWT signing key yet: the service generates one on its first start");
		}
	}

	private Connection ownerConnection() throws SQLException {
		return DoctorStoreChecks.connect(target.url(), target.ownerUser(), target.ownerPassword());
	}

	private static JdbcClient jdbc(Connection connection) {
		return JdbcClient.create(new SingleConnectionDataSource(connection, true));
	}

	/** The extensions the changesets create, so that this list follows them. */
	static Set<String> requiredExtensions() {
		Set<String> names = new TreeSet<>();
		try {
			Resource[] changesets = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/changelog/*.sql");
			for (Resource changeset : changesets) {
				Matcher matcher = EXTENSION.matcher(changeset.getContentAsString(StandardCharsets.UTF_8));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the changelog: " + ex.getMessage(), ex);
		}
		return names;
	}

	/** Liquibase's multi-line report in one line, without its exception class names. */
	private static String validationProblem(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage())
			.replaceAll("\\s+", " ")
			.replace("Validation Failed:", "")
			.strip();
		return message.length() > 400 ? message.substring(0, 400) + "…" : message;
	}

	static String firstLine(String message) {
		if (message == null) {
			return "unknown error";
		}
		List<String> lines = message.strip().lines().toList();
		return lines.isEmpty() ? message : lines.get(0);
	}

}
