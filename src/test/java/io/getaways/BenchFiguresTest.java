package io.getaways;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Latest figures" table of bench/README.md is the one bench/figures writes from
 * bench/results/*-latest.json. The generator is compiled here from bench/src/figures,
 * against the Jackson of the test classpath, so the build checks the same code bench/run
 * runs.
 */
class BenchFiguresTest {

	private static final Path README = Path.of("bench/README.md");

	private static final Path RESULTS = Path.of("bench/results");

	private static Method updated;

	@BeforeAll
	static void compileTheGenerator(@TempDir Path classes) throws Exception {
		String jackson = String.join(File.pathSeparator, jar(JsonMapper.class), jar(JsonParser.class),
				jar(JsonProperty.class));
		// No annotation processing: the test classpath's processors would write into
		// target/.
		List<String> arguments = new ArrayList<>(List.of("-proc:none", "--release", "17", "-encoding", "UTF-8", "-d",
				classes.toString(), "-cp", jackson));
		try (Stream<Path> sources = Files.list(Path.of("bench/src/figures"))) {
			sources.map(Path::toString).filter(source -> source.endsWith(".java")).forEach(arguments::add);
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit status").isZero();
		ClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				BenchFiguresTest.class.getClassLoader());
		updated = loader.loadClass("figures.Figures").getMethod("updated", String.class, Path.class);
	}

	@Test
	void theTableSaysWhatTheLatestResultsSay() throws Exception {
		String readme = Files.readString(README, StandardCharsets.UTF_8);

		assertThat(updated(readme, RESULTS)).as("bench/README.md's figures table is stale: run bench/figures")
			.isEqualTo(readme);
	}

	@Test
	void aChangedResultChangesTheTable(@TempDir Path results) throws Exception {
		try (Stream<Path> files = Files.list(RESULTS)) {
			for (Path file : files.filter(file -> file.toString().endsWith("-latest.json")).toList()) {
				Files.copy(file, results.resolve(file.getFileName()));
			}
		}
		JsonMapper json = JsonMapper.builder().build();
		Path startup = results.resolve("startup-latest.json");
		ObjectNode figures = (ObjectNode) json.readTree(startup.toFile());
		figures.put("existing_dir_seconds", 21.04).put("meets_target", false);
		json.writeValue(startup.toFile(), figures);
		String readme = Files.readString(README, StandardCharsets.UTF_8);

		assertThat(updated(readme, results)).isNotEqualTo(readme)
			.contains("| startup | existing directory 21.0 s (median of 3)")
			.contains("existing directory ≤ 15 s: missed");
	}

	private static String updated(String readme, Path results) throws Exception {
		return (String) updated.invoke(null, readme, results);
	}

	private static String jar(Class<?> type) throws URISyntaxException {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

}
