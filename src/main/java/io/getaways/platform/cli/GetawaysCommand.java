package io.getaways.platform.cli;

import java.util.ArrayList;
import java.util.List;

import io.getaways.platform.CliSubcommand;
import org.springframework.core.io.support.SpringFactoriesLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "getaways", mixinStandardHelpOptions = true, subcommands = { MigrateCommand.class },
		description = "Getaways travel-booking backend. Without a subcommand, or with 'serve', runs the service.")
public class GetawaysCommand {

	/**
	 * Inherited, so that it may follow the subcommand too, as in
	 * {@code migrate up --data-dir=x}.
	 */
	@Option(names = "--data-dir", scope = ScopeType.INHERIT,
			description = "Data directory of embedded mode (default ./data, or GETAWAYS_DATA_DIR)")
	String dataDir;

	/** Spring properties that every subcommand's context starts with. */
	final List<String> properties = new ArrayList<>();

	/** Where the stores of the latest task context are, for failure messages. */
	final StoreAddresses stores = new StoreAddresses();

	public static int execute(String[] args, List<String> properties) {
		GetawaysCommand root = new GetawaysCommand();
		root.properties.addAll(properties);
		CommandLine commandLine = new CommandLine(root);
		for (CliSubcommand subcommand : SpringFactoriesLoader
			.forDefaultResourceLocation(GetawaysCommand.class.getClassLoader())
			.load(CliSubcommand.class)) {
			subcommand.useTasks(TaskContext.tasks(root));
			commandLine.addSubcommand(subcommand);
		}
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			line.getErr().println(line.getCommandName() + ": " + FailureMessages.explain(ex, root.stores));
			return 1;
		});
		return commandLine.execute(args);
	}

	List<String> springArguments() {
		List<String> arguments = new ArrayList<>(properties);
		if (dataDir != null) {
			arguments.add("--getaways.data-dir=" + dataDir);
		}
		return arguments;
	}

}
