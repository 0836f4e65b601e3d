package io.getaways.operations.internal;

import io.getaways.platform.embedded.EmbeddedStores;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The backup beans of the service; the command line builds its own from the same classes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ BackupSettings.class, PgBackRestProperties.class })
@ConditionalOnProperty(name = "getaways.backup.enabled", havingValue = "true", matchIfMissing = true)
class BackupConfiguration {

	@Bean
	BackupMetrics backupMetrics(MeterRegistry registry, BackupSettings settings) {
		return new BackupMetrics(registry, new BackupRepository(settings.repository()).wal());
	}

	@Bean
	BackupOperations backupOperations(BackupSettings settings, PgBackRestProperties pgBackRest,
			ObjectProvider<EmbeddedStores> embedded, Environment environment, BackupMetrics metrics) {
		BackupOperations operations = new BackupOperations(settings, pgBackRest, embedded, environment, metrics);
		metrics.seed(operations.list());
		return operations;
	}

	@Bean
	BackupJobs backupJobs() {
		return new BackupJobs();
	}

	@Bean
	@ConditionalOnExpression("'${getaways.backup.key:}' != ''")
	WalSealer walSealer(BackupSettings settings) {
		return new WalSealer(new WalArchive(new BackupRepository(settings.repository()).wal()), settings.backupKey());
	}

	@Bean("backupHealthIndicator")
	BackupHealthIndicator backupHealthIndicator(BackupOperations operations, ObjectProvider<EmbeddedStores> embedded,
			Environment environment, ObjectProvider<WalSealer> sealer) {
		return new BackupHealthIndicator(operations, BackupSources.of(embedded.getIfAvailable(), environment),
				sealer.getIfAvailable());
	}

	@Bean
	BackupScheduler backupScheduler(BackupOperations operations) {
		return new BackupScheduler(operations);
	}

}
