package io.getaways.operations.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.getaways.platform.TaskSubcommand;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code getaways.jar restore --to latest|--to-time T|--backup ID --into DIR}: a new data
 * directory the service then starts on with {@code --data-dir DIR}; the current one is
 * never touched.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
		description = "Restores backups into a new data directory: --to latest | --to-time ISO-8601 | --backup ID, "
				+ "and --into DIR.")
class RestoreCommand extends TaskSubcommand {

	@ArgGroup(exclusive = true, multiplicity = "1")
	Target target;

	@Option(names = "--into", required = true, description = "A new or empty directory to restore into")
	Path into;

	static class Target {

		@Option(names = "--to", description = "latest: replay every archived WAL segment")
		String to;

		@Option(names = "--to-time", description = "Replay commits up to this time, as 2026-12-06T10:15:30Z")
		String time;

		@Option(names = "--backup", description = "Restore this backup at its consistent point")
		String backup;

	}

	@Override
	public Integer call() {
		RecoveryTarget recoveryTarget = recoveryTarget();
		PrintWriter out = out();
		try (ConfigurableApplicationContext context = tasks().startWithoutStores(BackupTask.class)) {
			BackupRestorer.Outcome outcome = context.getBean(BackupOperations.class)
				.restore(recoveryTarget, target.backup, into, Progress.printed(out, "Restore", 0, true));
			out.printf("restored backup %s into %s; last replayed commit %s; %d outbox publications will be delivered "
					+ "again; %d MongoDB documents loaded. Start it with: java -jar getaways.jar --data-dir=%s%n",
					outcome.backupId(), into.toAbsolutePath().normalize(),
					outcome.lastReplayedCommit() == null ? "none" : outcome.lastReplayedCommit(),
					outcome.publicationsReplayed(), outcome.mongoDocuments(), into.toAbsolutePath().normalize());
			out.flush();
			return 0;
		}
	}

	private RecoveryTarget recoveryTarget() {
		if (target.backup != null) {
			return new RecoveryTarget.BackupPoint();
		}
		if (target.time != null) {
			return new RecoveryTarget.Time(parseTime(target.time));
		}
		if (!"latest".equals(target.to)) {
			throw new IllegalArgumentException(
					"--to takes only 'latest' but was '" + target.to + "'; use --to-time for a time");
		}
		return new RecoveryTarget.Latest();
	}

	static Instant parseTime(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--to-time must be an ISO-8601 time with an offset, such as "
					+ "2026-12-06T10:15:30Z, but was '" + text + "'");
		}
	}

}
