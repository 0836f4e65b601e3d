package io.getaways.operations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.getaways.platform.embedded.EmbeddedStores.Store;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The checks after the local ones, in their documented order. A check that depends on a
 * failed one is reported as skipped, naming why, so a problem counts once.
 */
final class DoctorChecks {

	/** Every check after the local ones, in order. */
	static final List<String> AFTER_SERVICE = List.of(DoctorStoreChecks.POSTGRES, DoctorStoreChecks.MONGO,
			DoctorStoreChecks.REDIS, DoctorTlsCheck.NAME, "migrations", "extensions", "roles-rls", "clock",
			"signing-keys", DoctorBackupCheck.BACKUPS, DoctorBackupCheck.WAL);

	private final DoctorReport report;

	private final DoctorTargets targets;

	private final ConfigurableEnvironment environment;

	private final BackupOperations backups;

	private final List<String> viaHealth;

	DoctorChecks(DoctorReport report, DoctorTargets targets, ConfigurableEnvironment environment,
			BackupOperations backups) {
		this(report, targets, environment, backups, List.of());
	}

	/**
	 * @param viaHealth health components ({@code mongo}, {@code redis}) to ask the
	 * running service about instead of connecting
	 */
	DoctorChecks(DoctorReport report, DoctorTargets targets, ConfigurableEnvironment environment,
			BackupOperations backups, List<String> viaHealth) {
		this.report = report;
		this.targets = targets;
		this.environment = environment;
		this.backups = backups;
		this.viaHealth = viaHealth;
	}

	void run() {
		DoctorTargets.Postgres postgres = targets.postgres();
		DoctorFinding reachable = postgres == null
				? DoctorFinding.fail(DoctorStoreChecks.POSTGRES,
						"not configured: set SPRING_DATASOURCE_URL, or leave it unset for embedded mode")
				: DoctorStoreChecks.postgres(postgres);
		report.add(reachable);
		stores();
		DoctorTlsCheck.check(targets, environment).forEach(report::add);
		boolean up = reachable.status() != DoctorFinding.Status.FAIL;
		String skipped = !up ? "PostgreSQL unreachable"
				: postgres.hasOwner() ? null : "getaways.db.owner.password is not set (the schema owner reads the "
						+ "migration history and catalogs)";
		if (skipped != null) {
			for (String check : List.of("migrations", "extensions", "roles-rls", "clock", "signing-keys")) {
				report.add(up ? DoctorFinding.warn(check, "not checked: " + skipped)
						: DoctorFinding.skipped(check, skipped));
			}
		}
		else {
			schema(new DoctorSchemaChecks(postgres));
		}
		report.add(DoctorBackupCheck.backups(backups, targets.embedded().contains(Store.POSTGRES)));
		if (skipped != null) {
			report.add(up ? DoctorFinding.warn(DoctorBackupCheck.WAL, "not checked: " + skipped)
					: DoctorFinding.skipped(DoctorBackupCheck.WAL, skipped));
			return;
		}
		try (Connection connection = DoctorStoreChecks.connect(postgres.url(), postgres.ownerUser(),
				postgres.ownerPassword())) {
			report.add(DoctorBackupCheck.walArchiving(connection, backups.settings().archiveTimeout()));
		}
		catch (SQLException | RuntimeException ex) {
			report.add(DoctorFinding.fail(DoctorBackupCheck.WAL, DoctorSchemaChecks.firstLine(ex.getMessage())));
		}
	}

	private void stores() {
		if (!viaHealth.isEmpty()) {
			DoctorLocalChecks.serviceHealth(targets.healthUrl(), viaHealth).forEach(report::add);
		}
		if (!viaHealth.contains("mongo")) {
			report.add(targets.mongoUri() == null
					? DoctorFinding.fail(DoctorStoreChecks.MONGO,
							"not configured: set SPRING_MONGODB_URI, or leave it unset for embedded mode")
					: DoctorStoreChecks.mongo(targets.mongoUri(), targets.mongoDatabase(),
							targets.embedded().contains(Store.MONGO)));
		}
		if (!viaHealth.contains("redis")) {
			report.add(targets.redisUrl() == null
					? DoctorFinding.fail(DoctorStoreChecks.REDIS,
							"not configured: set SPRING_DATA_REDIS_URL, or leave it unset for embedded mode")
					: DoctorStoreChecks.redis(targets.redisUrl(), targets.embedded().contains(Store.REDIS)));
		}
	}

	private void schema(DoctorSchemaChecks schema) {
		DoctorFinding migrations = schema.migrations();
		report.add(migrations);
		boolean nothingApplied = migrations.status() == DoctorFinding.Status.FAIL
				&& migrations.detail().matches("(\\d+) of \\1 changesets pending.*");
		for (String check : List.of("extensions", "roles-rls", "clock", "signing-keys")) {
			if (nothingApplied && !check.equals("clock")) {
				report.add(DoctorFinding.skipped(check, "no migration applied yet"));
				continue;
			}
			try {
				report.add(switch (check) {
					case "extensions" -> schema.extensions();
					case "roles-rls" -> schema.rolesAndRowLevelSecurity();
					case "clock" -> schema.clock();
					default -> schema.signingKeys();
				});
			}
			catch (SQLException | RuntimeException ex) {
				report.add(DoctorFinding.fail(check, DoctorSchemaChecks.firstLine(ex.getMessage())));
			}
		}
	}

}
