package io.getaways.platform.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.getaways.platform.db.DatabaseMigrator;
import io.getaways.platform.db.DatabaseSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
		description = "Database migrations: status, up, down --count N, validate, sql (pending SQL, not applied).")
class MigrateCommand implements Callable<Integer> {

	enum Action {

		status, up, down, validate, sql

	}

	@ParentCommand
	GetawaysCommand root;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", description = "One of: ${COMPLETION-CANDIDATES}")
	Action action;

	@Option(names = "--count", description = "How many changesets 'down' rolls back (default 1)", defaultValue = "1")
	int count;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = TaskContext.start(MigrationTask.class, root, "postgres")) {
			DatabaseMigrator migrator = context.getBean(DatabaseMigrator.class);
			switch (action) {
				case status -> {
					DatabaseMigrator.MigrationStatus status = migrator.status();
					status.applied().forEach(id -> out.println("applied  " + id));
					status.pending().forEach(id -> out.println("pending  " + id));
					out.printf("%d applied, %d pending%n", status.applied().size(), status.pending().size());
				}
				case up -> out.printf("%d changeset(s) applied%n", migrator.update());
				case down -> out.printf("%d changeset(s) rolled back%n", migrator.rollback(count));
				case validate -> {
					migrator.validate();
					out.println("changelog valid; applied checksums match");
				}
				case sql -> out.print(migrator.pendingSql());
			}
			out.flush();
			return 0;
		}
	}

	/** Not a scanned configuration: only the migrate task's own context uses it. */
	@EnableConfigurationProperties({ DataSourceProperties.class, DatabaseSettings.class })
	static class MigrationTask {

		@Bean
		DatabaseMigrator databaseMigrator(DataSourceProperties dataSource, DatabaseSettings settings) {
			return DatabaseMigrator.of(dataSource, settings);
		}

	}

}
