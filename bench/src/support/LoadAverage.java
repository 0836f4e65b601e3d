package support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1-minute load average, reported with the figures: other work on the same cores lowers them. */
public final class LoadAverage {

	private LoadAverage() {
	}

	/** As a JSON number, or {@code null} where /proc/loadavg cannot be read. */
	public static String oneMinuteJson() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "null";
		}
	}
}
