package io.getaways.catalog.internal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.getaways.catalog.internal.content.ContentStores;
import io.getaways.catalog.internal.reconcile.ContentReconciler;
import io.getaways.catalog.internal.reconcile.ContentVersions;
import io.getaways.catalog.internal.reconcile.ReconcileReport;
import io.getaways.platform.TaskSubcommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code getaways.jar reconcile}: the scheduled reconciliation of catalog content, run
 * once by an operator, with its report printed. Exits 0 when no drift is left unrepaired,
 * 1 otherwise. Found by the command line through {@code META-INF/spring.factories}.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
		description = "Compares trip and stay content between PostgreSQL and MongoDB and repairs drift; exit 1 when "
				+ "drift is left unrepaired.")
class ReconcileCommand extends TaskSubcommand {

	@Option(names = "--dry-run", description = "Report drift without repairing it (exit 1 when there is any)")
	boolean dryRun;

	@Option(names = "--code", split = ",", paramLabel = "CODE",
			description = "Only these trip or stay codes (repeatable or comma-separated); default every code")
	List<String> codes;

	@Override
	public Integer call() {
		PrintWriter out = out();
		List<String> scope = codes == null ? null
				: codes.stream()
					.map(String::trim)
					.filter(code -> !code.isEmpty())
					.map(code -> code.toUpperCase(Locale.ROOT))
					.toList();
		try (ConfigurableApplicationContext context = tasks().startWithDatabaseAndMongo(ReconcileTask.class)) {
			ReconcileReport report = context.getBean(ContentReconciler.class).reconcile(scope, dryRun);
			report.lines().forEach(out::println);
			out.flush();
			return report.clean() ? 0 : 1;
		}
	}

	/** Not a scanned configuration: only this task's context uses it. */
	@Import({ ContentReconciler.class, ContentVersions.class, ContentStores.class })
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, MongoAutoConfiguration.class,
			DataMongoAutoConfiguration.class })
	static class ReconcileTask {

		/**
		 * A MongoDB that cannot be reached fails the task within the service's timeout,
		 * not the driver's 30 s.
		 */
		@Bean
		MongoClientSettingsBuilderCustomizer reconcileMongoTimeouts(
				@Value("${getaways.mongo.timeout:2s}") Duration timeout) {
			int millis = (int) timeout.toMillis();
			return settings -> settings
				.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
				.applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS));
		}

	}

}
