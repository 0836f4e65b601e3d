package io.getaways.operations.internal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of long work: done of total, rate and time left. On a terminal one line is
 * redrawn in place a few times a second; elsewhere (logs, pipes) a plain line every few
 * seconds, so that a log is not flooded.
 */
final class Progress {

	static final Progress NONE = new Progress("", 0, false, line -> {
	}, false);

	private final String what;

	private final long total;

	private final boolean bytes;

	private final Consumer<String> out;

	private final boolean redraw;

	private final long startNanos = System.nanoTime();

	private final long intervalNanos;

	private long done;

	private long lastReportNanos;

	private Progress(String what, long total, boolean bytes, Consumer<String> out, boolean redraw) {
		this.what = what;
		this.total = total;
		this.bytes = bytes;
		this.out = out;
		this.redraw = redraw;
		this.intervalNanos = redraw ? 200_000_000L : 5_000_000_000L;
	}

	/** Progress printed to a command's output, redrawn in place when it is a terminal. */
	static Progress printed(PrintWriter writer, String what, long total, boolean bytes) {
		boolean terminal = System.console() != null;
		return new Progress(what, total, bytes, line -> {
			writer.print(terminal ? "\r" + line + "\u001b[K" : line + System.lineSeparator());
			writer.flush();
		}, terminal);
	}

	/** Progress as plain lines to a consumer such as a logger. */
	static Progress lines(Consumer<String> out, String what, long total, boolean bytes) {
		return new Progress(what, total, bytes, out, false);
	}

	/** The same output for a new stage of the work. */
	Progress stage(String nextWhat, long nextTotal, boolean nextBytes) {
		return this == NONE ? NONE : new Progress(nextWhat, nextTotal, nextBytes, out, redraw);
	}

	synchronized void advance(long amount) {
		done += amount;
		long now = System.nanoTime();
		if (now - lastReportNanos >= intervalNanos) {
			lastReportNanos = now;
			out.accept(line(now));
		}
	}

	synchronized void finish() {
		if (this == NONE) {
			return;
		}
		out.accept(line(System.nanoTime()));
		if (redraw) {
			out.accept("\n");
		}
	}

	private String line(long now) {
		double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
		double rate = done / seconds;
		StringBuilder line = new StringBuilder(what).append(": ").append(amount(done));
		if (total > 0) {
			line.append(" of ")
				.append(amount(total))
				.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
		}
		line.append(", ").append(amount((long) rate)).append("/s");
		if (total > 0 && rate > 0 && done < total) {
			line.append(String.format(Locale.ROOT, ", ETA %ds", (long) Math.ceil((total - done) / rate)));
		}
		return line.toString();
	}

	private String amount(long value) {
		if (!bytes) {
			return Long.toString(value);
		}
		if (value < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", value / 1024.0);
		}
		if (value < 1024L * 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f MB", value / (1024.0 * 1024));
		}
		return String.format(Locale.ROOT, "%.2f GB", value / (1024.0 * 1024 * 1024));
	}

}
