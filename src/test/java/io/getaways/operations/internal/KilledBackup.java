package io.getaways.operations.internal;

import java.nio.file.Path;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.core.env.StandardEnvironment;

/**
 * A backup in a process of its own, for a test to kill:
 * {@code java KilledBackup SUPERUSER_JDBC_URL REPOSITORY}.
 */
public final class KilledBackup {

	private KilledBackup() {
	}

	public static void main(String[] args) {
		BackupSettings settings = BackupTestSupport.settings(Path.of(args[1]), null);
		BackupOperations operations = new BackupOperations(settings,
				new BackupSources(args[0], null, new StandardEnvironment()),
				new BackupMetrics(new SimpleMeterRegistry(), Path.of(args[1]).resolve("wal")));
		operations.create(Progress.NONE);
	}

}
