package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress lines: rows done of the total, rows per second and the time left, at most one
 * line a second plus the last.
 */
final class Progress {

	private final PrintWriter out;

	private final String entity;

	private long startedNanos;

	private long firstPosition;

	private long lastPrintNanos;

	Progress(PrintWriter out, String entity) {
		this.out = out;
		this.entity = entity;
	}

	void start(Tally tally) {
		startedNanos = System.nanoTime();
		firstPosition = tally.position;
		if (tally.position > 0) {
			print("import: " + entity + " resuming after row " + tally.position + " of " + tally.sourceRows);
		}
	}

	void batch(Tally tally) {
		long now = System.nanoTime();
		if (now - lastPrintNanos < 1_000_000_000L && tally.position < tally.sourceRows) {
			return;
		}
		lastPrintNanos = now;
		double seconds = Math.max(1e-3, (now - startedNanos) / 1e9);
		double rate = (tally.position - firstPosition) / seconds;
		long left = Math.max(0, tally.sourceRows - tally.position);
		String eta = rate > 0 ? format(Duration.ofSeconds((long) Math.ceil(left / rate))) : "?";
		print(String.format("import: %s %d/%d rows (%d%%), %.0f rows/s, ETA %s", entity, tally.position,
				tally.sourceRows, tally.sourceRows == 0 ? 100 : tally.position * 100 / tally.sourceRows, rate, eta));
	}

	void finished(Tally tally) {
		print("import: " + entity + " done: " + tally.inserted + " inserted, " + tally.skipped + " skipped, "
				+ tally.rejected + " rejected");
	}

	private void print(String line) {
		if (out != null) {
			out.println(line);
			out.flush();
		}
	}

	private static String format(Duration duration) {
		return String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
	}

}
