package io.getaways.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import io.getaways.platform.CommandLine;

/**
 * The jar's command line run in this JVM, as an operator runs it, with what it prints
 * captured.
 */
public final class CommandLineRuns {

	private CommandLineRuns() {
	}

	public record Result(List<String> args, int exitCode, String out, String err) {
	}

	/**
	 * Runs the command line, capturing what it prints while still echoing it to the build
	 * log.
	 */
	public static synchronized Result run(String... args) {
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(new Tee(out, stdout), true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(new Tee(err, stderr), true, StandardCharsets.UTF_8));
			int exitCode = CommandLine.run(args);
			return new Result(List.of(args), exitCode, out.toString(StandardCharsets.UTF_8),
					withoutLogbackStatus(err.toString(StandardCharsets.UTF_8)));
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
	}

	/**
	 * This JVM's one Logback also serves the test applications, whose background threads
	 * keep logging while the command's start resets and configures it; Logback then
	 * prints its own status lines ("No appenders present in context ..."). An operator's
	 * command runs in a JVM of its own and never meets them, so they are not the
	 * command's output.
	 */
	private static String withoutLogbackStatus(String text) {
		return LOGBACK_STATUS.matcher(text).replaceAll("");
	}

	private static final Pattern LOGBACK_STATUS = Pattern
		.compile("(?m)^\\d{2}:\\d{2}:\\d{2},\\d{3} \\|-(INFO|WARN|ERROR) in .*(\\R|\\z)");

	private static final class Tee extends OutputStream {

		private final OutputStream first;

		private final OutputStream second;

		Tee(OutputStream first, OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws java.io.IOException {
			first.write(b);
			second.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
			first.write(bytes, offset, length);
			second.write(bytes, offset, length);
		}

		@Override
		public void flush() throws java.io.IOException {
			first.flush();
			second.flush();
		}

	}

}
