package io.getaways.operations.internal;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.getaways.platform.TaskSubcommand;
import io.getaways.platform.embedded.DataDirectoryInUseException;
import io.getaways.platform.embedded.EmbeddedStores;
import io.getaways.platform.embedded.EmbeddedStores.Store;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code getaways.jar doctor [--json]}: one line per check, in the order of
 * docs/operations/doctor.md, and exit status 0 only when nothing fails. It never
 * migrates; in embedded mode it starts the stores itself unless a running service holds
 * the data directory, and then checks that service's stores as far as they can be found.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
		description = "Checks the set-up (Java, data directory, stores, TLS, migrations, roles, clock, keys, backups); "
				+ "exit 0 only when nothing fails. The first thing to run when something is wrong.")
class DoctorCommand extends TaskSubcommand {

	@Option(names = "--json", description = "The same findings as one JSON document")
	boolean json;

	@Override
	public Integer call() {
		DoctorReport report = new DoctorReport();
		report.add(DoctorLocalChecks.java());
		try (ConfigurableApplicationContext settings = tasks().startWithoutStores(BackupTask.class)) {
			ConfigurableEnvironment environment = settings.getEnvironment();
			Set<Store> wanted = DoctorStores.wanted(environment);
			if (wanted.isEmpty()) {
				new DoctorChecks(report, DoctorTargets.from(environment, EnumSet.noneOf(Store.class)), environment,
						settings.getBean(BackupOperations.class))
					.run();
			}
			else {
				embedded(report, environment, wanted, settings.getBean(BackupOperations.class));
			}
		}
		report.print(out(), json);
		return report.exitCode();
	}

	private void embedded(DoctorReport report, ConfigurableEnvironment environment, Set<Store> wanted,
			BackupOperations backups) {
		Path dataDir = DoctorStores.dataDir(environment);
		DoctorFinding directory = DoctorLocalChecks.dataDirectory(dataDir);
		report.add(directory);
		ConfigurableApplicationContext stores;
		try {
			stores = DoctorStores.start(environment);
		}
		catch (RuntimeException ex) {
			DataDirectoryInUseException inUse = DoctorStores.inUse(ex);
			if (inUse == null) {
				String cause = DoctorSchemaChecks.firstLine(DoctorStores.rootMessage(ex));
				report.add(directory.status() == DoctorFinding.Status.FAIL
						? DoctorFinding.skipped("service", "data directory unusable (" + cause + ")") : DoctorFinding
							.fail("service", "the embedded stores did not start over " + dataDir + ": " + cause));
				DoctorChecks.AFTER_SERVICE
					.forEach(check -> report.add(DoctorFinding.skipped(check, "the embedded stores did not start")));
				return;
			}
			runningService(report, environment, wanted, dataDir, backups);
			return;
		}
		try (stores) {
			report.add(DoctorFinding.ok("service",
					"not running over " + dataDir + "; doctor started the embedded stores itself (it never migrates)"));
			EmbeddedStores embedded = stores.getBean("embeddedStores", EmbeddedStores.class);
			new DoctorChecks(report, DoctorTargets.from(stores.getEnvironment(), DoctorStores.running(embedded)),
					stores.getEnvironment(), backups)
				.run();
		}
	}

	private void runningService(DoctorReport report, ConfigurableEnvironment environment, Set<Store> wanted,
			Path dataDir, BackupOperations backups) {
		report.add(DoctorFinding.ok("service", "service running over " + dataDir + ", " + DoctorStores.owner(dataDir)
				+ ": checking its stores as far as the data directory tells where they are"));
		DoctorTargets targets;
		try {
			targets = DoctorTargets.ofRunningService(dataDir, environment, wanted.contains(Store.POSTGRES));
		}
		catch (Exception ex) {
			String why = "the running service's PostgreSQL port or passwords are not readable under " + dataDir + " ("
					+ ex.getMessage() + "); run doctor as the service's user";
			DoctorChecks.AFTER_SERVICE.forEach(check -> report.add(DoctorFinding.warn(check, "not checked: " + why)));
			return;
		}
		List<String> viaHealth = wanted.stream()
			.filter(store -> store != Store.POSTGRES)
			.map(store -> store.name().toLowerCase(java.util.Locale.ROOT))
			.toList();
		DoctorTargets configured = DoctorTargets.from(environment, EnumSet.noneOf(Store.class));
		new DoctorChecks(report,
				new DoctorTargets(wanted.contains(Store.POSTGRES) ? targets.postgres() : configured.postgres(),
						wanted.contains(Store.MONGO) ? null : configured.mongoUri(), configured.mongoDatabase(),
						wanted.contains(Store.REDIS) ? null : configured.redisUrl(), wanted, targets.healthUrl()),
				environment, backups, viaHealth)
			.run();
	}

}
