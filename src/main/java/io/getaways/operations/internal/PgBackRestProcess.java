package io.getaways.operations.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One pgBackRest command as a process: with this wrapper's config file and stanza, as the
 * cluster's OS user when the JVM runs as another, killed after the timeout, and a failure
 * turned into the one line that names pgBackRest's error.
 */
final class PgBackRestProcess {

	private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*?(ERROR: \\[\\d+]: .*)$");

	private static final File NULL_DEVICE = new File("/dev/null");

	private PgBackRestProcess() {
	}

	/** Returns the command's stdout. */
	static String run(PgBackRestSettings settings, boolean runAs, String... args) {
		String command = args[args.length - 1];
		List<String> cmd = new ArrayList<>();
		if (runAs) {
			cmd.addAll(List.of("runuser", "-u", settings.runAsUser().orElseThrow(), "--"));
		}
		cmd.add(settings.executable());
		cmd.add("--config=" + settings.configFile());
		cmd.add("--stanza=" + settings.stanza());
		cmd.addAll(List.of(args));
		Path stdout = null;
		Path stderr = null;
		try {
			// Files rather than pipes: a chatty command can never block on a full pipe
			// buffer.
			stdout = Files.createTempFile("pgbackrest-", ".out");
			stderr = Files.createTempFile("pgbackrest-", ".err");
			Process process = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(NULL_DEVICE))
				.redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			if (!process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
				// runuser does not pass SIGKILL on, so the pgBackRest child is killed
				// directly.
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new PgBackRestException(
						"pgBackRest " + command + " timed out after " + settings.timeout() + " and was killed");
			}
			String out = Files.readString(stdout);
			String err = Files.readString(stderr);
			if (process.exitValue() != 0) {
				throw new PgBackRestException(
						"pgBackRest " + command + " failed (exit " + process.exitValue() + "): " + errorLine(err, out));
			}
			return out;
		}
		catch (IOException ex) {
			throw new PgBackRestException("Cannot run " + String.join(" ", cmd) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PgBackRestException("Interrupted while pgBackRest " + command + " was running", ex);
		}
		finally {
			deleteQuietly(stdout);
			deleteQuietly(stderr);
		}
	}

	static String errorLine(String stderr, String stdout) {
		for (String text : List.of(stderr, stdout)) {
			Matcher error = ERROR_LINE.matcher(text);
			if (error.find()) {
				return error.group(1).strip();
			}
		}
		return Stream.of(stderr, stdout)
			.flatMap(String::lines)
			.map(String::strip)
			.filter(line -> !line.isEmpty())
			.reduce((first, second) -> second)
			.orElse("no output");
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// A stray temp file must not hide the outcome of the pgBackRest call.
		}
	}

}
