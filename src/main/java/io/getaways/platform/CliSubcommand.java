package io.getaways.platform;

/**
 * A subcommand that a module adds to the jar's command line without the platform
 * depending on that module. An implementation is a picocli {@code @Command} with a
 * no-argument constructor, listed under this interface's name in
 * {@code META-INF/spring.factories}, because the command line is built before any
 * application context exists.
 */
public interface CliSubcommand {

	/**
	 * Called once, before the arguments are parsed, with the way to start the task's
	 * application context.
	 */
	void useTasks(CliTasks tasks);

}
