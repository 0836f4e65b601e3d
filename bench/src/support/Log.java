package support;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Progress on stderr, in the harness's own form ({@code [name HH:MM:SS] message}), so that stdout keeps nothing but
 * the JSON line of figures.
 */
public record Log(String name) {

	public void line(String message) {
		System.err.printf(Locale.ROOT, "[%s %s] %s%n", name, LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
				message);
	}

	public void line(String format, Object... args) {
		line(String.format(Locale.ROOT, format, args));
	}
}
