package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.getaways.GetawaysApplication;
import io.getaways.platform.TaskSubcommand;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code getaways.jar import sqlite FILE | mysql JDBC-URL | travlr MONGODB-URI}: brings
 * existing data in (docs/imports.md). Exit 0 when every row was accepted, 1 when any was
 * rejected, 2 when the import could not run. Found by the command line through
 * {@code META-INF/spring.factories}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		subcommands = { ImportCommand.Sqlite.class, ImportCommand.Mysql.class, ImportCommand.Travlr.class },
		description = "Import users, trips, stays, bookings, payments and reviews from a SQLite file, "
				+ "a MySQL/MariaDB database or a Travlr MongoDB.")
class ImportCommand extends TaskSubcommand {

	@Override
	public Integer call() {
		spec().commandLine().usage(out());
		return 2;
	}

	int run(Flags flags, PrintWriter out, PrintWriter err, Function<ImportMapping, ImportSource> opener,
			String builtIn) {
		ImportReport report;
		try {
			ImportMapping mapping = flags.mapping != null ? ImportMapping.load(flags.mapping)
					: builtIn != null ? ImportMapping.builtIn(builtIn) : null;
			if (mapping == null) {
				throw new ImportMapping.MappingException(
						"--mapping FILE is required for this source " + "(docs/imports.md, \"Mapping format\")");
			}
			ImportOptions options = flags.options();
			try (ImportSource source = opener.apply(mapping)) {
				// an unreachable source fails before the service starts
				source.count(mapping.entities().get(0).source());
				try (ConfigurableApplicationContext context = tasks().startService(GetawaysApplication.class)) {
					report = context.getBean(Importer.class).run(source, mapping, options, err);
				}
			}
		}
		catch (ImportMapping.MappingException ex) {
			err.println("import: " + ex.getMessage());
			err.flush();
			return 2;
		}
		if (flags.json) {
			out.println(report.json());
		}
		else {
			report.lines().forEach(out::println);
		}
		out.flush();
		return report.exitCode();
	}

	/** Options every source takes. */
	static class Flags {

		@Option(names = "--mapping", paramLabel = "FILE", description = "YAML mapping (docs/imports.md)")
		Path mapping;

		@Option(names = "--dry-run", description = "Check every row and count what would happen; write nothing")
		boolean dryRun;

		@Option(names = "--batch-size", defaultValue = "500", description = "Rows per transaction and checkpoint")
		int batchSize;

		@Option(names = "--resume", description = "Continue after the last checkpoint of the same source and mapping")
		boolean resume;

		@Option(names = "--fail-fast", description = "Stop at the first rejected row")
		boolean failFast;

		@Option(names = "--json", description = "Print the final report as JSON")
		boolean json;

		@Option(names = "--rejects", paramLabel = "FILE", defaultValue = "import-rejects.csv",
				description = "Where rejected rows' keys and reasons go (CSV)")
		Path rejects;

		ImportOptions options() {
			return new ImportOptions(dryRun, batchSize, resume, failFast, rejects);
		}

	}

	abstract static class SourceCommand implements Callable<Integer> {

		@ParentCommand
		ImportCommand parent;

		@Spec
		CommandSpec spec;

		@Mixin
		Flags flags = new Flags();

		int run(Function<ImportMapping, ImportSource> opener, String builtIn) {
			return parent.run(flags, spec.commandLine().getOut(), spec.commandLine().getErr(), opener, builtIn);
		}

	}

	@Command(name = "sqlite", mixinStandardHelpOptions = true,
			description = "Import from a SQLite file; needs --mapping.")
	static class Sqlite extends SourceCommand {

		@Parameters(paramLabel = "FILE")
		Path file;

		@Override
		public Integer call() {
			return run(mapping -> JdbcSource.sqlite(file, mapping), null);
		}

	}

	@Command(name = "mysql", mixinStandardHelpOptions = true,
			description = "Import from MySQL or MariaDB (jdbc:mysql:// or jdbc:mariadb://); needs --mapping.")
	static class Mysql extends SourceCommand {

		@Parameters(paramLabel = "JDBC-URL")
		String url;

		@Override
		public Integer call() {
			return run(mapping -> JdbcSource.mysql(url, mapping), null);
		}

	}

	@Command(name = "travlr", mixinStandardHelpOptions = true,
			description = "Import users and trips from a Travlr MongoDB; built-in mapping unless --mapping.")
	static class Travlr extends SourceCommand {

		@Parameters(paramLabel = "MONGODB-URI")
		String uri;

		@Override
		public Integer call() {
			return run(mapping -> TravlrSource.open(uri), "travlr.yml");
		}

	}

}
