package io.getaways.platform;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every module's subcommand has: the tasks the command line hands it, and where it
 * prints.
 */
public abstract class TaskSubcommand implements CliSubcommand, Callable<Integer> {

	@Spec
	CommandSpec spec;

	private CliTasks tasks;

	@Override
	public final void useTasks(CliTasks tasks) {
		this.tasks = tasks;
	}

	protected CliTasks tasks() {
		return tasks;
	}

	protected CommandSpec spec() {
		return spec;
	}

	protected PrintWriter out() {
		return spec.commandLine().getOut();
	}

}
