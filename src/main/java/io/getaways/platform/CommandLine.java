package io.getaways.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.getaways.platform.cli.GetawaysCommand;

/**
 * Entry to the command line of the jar: {@code serve} (the default) runs the service;
 * every other subcommand runs a short-lived task against the same configuration and exits
 * with its status. Arguments of the form {@code --some.property=value} are Spring
 * properties and reach every subcommand.
 */
public final class CommandLine {

	private CommandLine() {
	}

	public static boolean isServe(String[] args) {
		List<String> commands = commandArguments(args);
		return commands.isEmpty() || commands.get(0).equals("serve");
	}

	public static String[] serveArguments(String[] args) {
		List<String> remaining = new ArrayList<>(Arrays.asList(args));
		remaining.remove("serve");
		return remaining.toArray(String[]::new);
	}

	public static int run(String[] args) {
		List<String> properties = Arrays.stream(args).filter(CommandLine::isProperty).toList();
		return GetawaysCommand.execute(commandArguments(args).toArray(String[]::new), properties);
	}

	private static List<String> commandArguments(String[] args) {
		return Arrays.stream(args).filter(arg -> !isProperty(arg)).toList();
	}

	private static boolean isProperty(String arg) {
		if (!arg.startsWith("--") || !arg.contains("=")) {
			return false;
		}
		String name = arg.substring(2, arg.indexOf('='));
		return name.contains(".");
	}

}
