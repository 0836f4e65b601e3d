package io.getaways.operations.internal;

import java.io.PrintWriter;
import java.util.List;

import io.getaways.operations.internal.BackupRepository.Entry;
import io.getaways.platform.TaskSubcommand;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code getaways.jar backup create|list|verify|expire}. Only {@code create} starts the
 * stores; the others read the repository, so they also work while the service runs.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
		description = "Backups: create (full backup now), list [--json], verify [ID] [--json], expire (apply retention).")
class BackupCommand extends TaskSubcommand {

	enum Action {

		create, list, verify, expire

	}

	@Parameters(index = "0", description = "One of: ${COMPLETION-CANDIDATES}")
	Action action;

	@Parameters(index = "1", arity = "0..1", description = "Backup id for verify (default: the newest)")
	String id;

	@Option(names = "--json", description = "Machine-readable output")
	boolean json;

	@Override
	public Integer call() {
		PrintWriter out = out();
		if (id != null && action != Action.verify) {
			throw new IllegalArgumentException("only verify takes a backup id");
		}
		try (ConfigurableApplicationContext context = action == Action.create
				? tasks().startWithDatabaseAndMongo(BackupTask.class) : tasks().startWithoutStores(BackupTask.class)) {
			BackupOperations operations = context.getBean(BackupOperations.class);
			switch (action) {
				case create -> {
					BackupManifest manifest = operations.create(Progress.printed(out, "Backup", 0, true));
					out.printf("backup %s complete: %s stored, WAL %s..%s, consistent at %s%n", manifest.id(),
							manifest.storedSize(), manifest.postgres().startWal(),
							manifest.postgres().restorePointWal(), manifest.postgres().consistentAt());
				}
				case list -> list(out, operations.list());
				case verify -> {
					var verification = operations.verify(id, Progress.printed(out, "Verify", 0, true));
					out.println(json ? BackupRepository.json(verification) : "verified: " + verification.detail());
				}
				case expire -> {
					BackupExpiry.Outcome outcome = operations.expire();
					out.printf("expired %d backups %s and %d WAL segments; %d backups kept%n",
							outcome.removedBackups().size(), outcome.removedBackups(), outcome.removedSegments(),
							outcome.keptBackups());
				}
			}
			out.flush();
			return 0;
		}
	}

	private void list(PrintWriter out, List<Entry> entries) {
		List<BackupSummary> summaries = entries.stream().map(BackupSummary::of).toList();
		if (json) {
			out.println(BackupRepository.json(summaries));
			return;
		}
		out.printf("%-18s %-4s %-20s %-20s %12s %-27s %-8s %s%n", "ID", "KIND", "STARTED", "FINISHED", "STORED",
				"LSN (start..consistent)", "VERIFIED", "MONGODB DOCUMENTS");
		for (BackupSummary s : summaries) {
			out.printf("%-18s %-4s %-20s %-20s %12d %-27s %-8s %d%n", s.id(), s.kind(),
					s.started().toString().substring(0, 19), s.finished().toString().substring(0, 19), s.storedBytes(),
					s.startLsn() + ".." + s.consistentLsn(),
					s.verified() + (s.verifiedAt() == null ? "" : " " + s.verifiedAt().toString().substring(0, 10)),
					s.mongoDocuments().values().stream().mapToLong(Long::longValue).sum());
		}
		out.printf("%d backups in %s%n", summaries.size(), "the repository");
	}

}
