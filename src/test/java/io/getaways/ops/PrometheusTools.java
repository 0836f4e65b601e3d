package io.getaways.ops;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Finds the real {@code prometheus} and {@code promtool} binaries (Debian package
 * {@code prometheus}). Without them the tests that need them skip with a message, unless
 * {@value #REQUIRE_PROPERTY} makes their absence a failure (CI).
 */
final class PrometheusTools {

	static final String REQUIRE_PROPERTY = "getaways.test.require-prometheus";

	static final Path RULES = Path.of("ops/prometheus/getaways-rules.yml");

	static final Path DASHBOARD = Path.of("ops/grafana/getaways.json");

	private PrometheusTools() {
	}

	/**
	 * The binary's path; skips the calling test (or fails it where Prometheus is
	 * required) if it is missing.
	 */
	static Path require(String name) {
		Optional<Path> binary = find(name);
		if (binary.isEmpty()) {
			failIfRequired(name);
			assumeTrue(false, "Skipped: " + missing(name));
		}
		return binary.orElseThrow();
	}

	/**
	 * Where a class-level setup must not skip (Surefire would report no tests and drop
	 * the reason).
	 */
	static void failIfRequired(String name) {
		if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
			fail(missing(name) + "; " + REQUIRE_PROPERTY + "=true makes this test mandatory");
		}
	}

	static String missing(String name) {
		return name + " not found on PATH or in /usr/bin (Debian package prometheus)";
	}

	static Optional<Path> find(String name) {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/local/bin"))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
