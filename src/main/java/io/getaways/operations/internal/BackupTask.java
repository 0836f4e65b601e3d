package io.getaways.operations.internal;

import io.getaways.platform.embedded.EmbeddedStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Not a scanned configuration: the backup and restore commands' own contexts use it. */
@EnableConfigurationProperties({ BackupSettings.class, PgBackRestProperties.class })
class BackupTask {

	@Bean
	BackupOperations backupOperations(BackupSettings settings, PgBackRestProperties pgBackRest,
			ObjectProvider<EmbeddedStores> embedded, Environment environment) {
		BackupRepository repository = new BackupRepository(settings.repository());
		return new BackupOperations(settings, pgBackRest, embedded, environment,
				new BackupMetrics(new SimpleMeterRegistry(), repository.wal()));
	}

}
