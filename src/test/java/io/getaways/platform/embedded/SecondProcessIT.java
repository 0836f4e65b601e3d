package io.getaways.platform.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.getaways.GetawaysApplication;
import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second Getaways process started over a data directory that a running one holds must
 * stop at once with a clear message, before it touches any file there, and the running
 * one must not notice.
 */
class SecondProcessIT {

	private static final long EXIT_TIMEOUT_SECONDS = 60;

	@TempDir
	Path dataDir;

	@TempDir
	Path scratch;

	@Test
	void secondProcessOnAHeldDataDirectoryExitsNonZeroAndLeavesTheFirstServing() throws Exception {
		String code = "SECOND" + ThreadLocalRandom.current().nextInt(1000, 10000);
		try (ConfigurableApplicationContext first = StandaloneApplication.start(dataDir)) {
			TripDetails before = StandaloneApplication.createTripWithContent(first, code);
			List<String> filesBefore = snapshot();
			assertThat(filesBefore).contains(".getaways.owner=pid=" + ProcessHandle.current().pid() + "\n");
			// a failed attempt from this JVM, under another spelling of the path, must
			// not drop the OS lock
			Path alias = Files.createSymbolicLink(scratch.resolve("alias"), dataDir);
			assertThatThrownBy(() -> DataDirectoryLock.acquire(alias)).isInstanceOf(DataDirectoryInUseException.class);

			Path output = scratch.resolve("second-process.log");
			Process second = new ProcessBuilder(javaCommand()).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			boolean exited = second.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (!exited) {
				second.destroyForcibly().waitFor();
			}

			String log = Files.readString(output);
			assertThat(exited).as("second process exited within %d s; its output:%n%s", EXIT_TIMEOUT_SECONDS, log)
				.isTrue();
			assertThat(second.exitValue()).as("exit status; output:%n%s", log).isNotZero();
			assertThat(log).contains("is in use by another Getaways process");
			assertThat(snapshot()).containsExactlyElementsOf(filesBefore);
			assertThat(first.getBean(Catalog.class).findTrip(code)).hasValueSatisfying(after -> {
				assertThat(after.trip()).isEqualTo(before.trip());
				assertThat(after.contentAvailable()).isTrue();
			});
			HttpResponse<String> trip = get(first, "/api/v1/trips/" + code);
			assertThat(trip.statusCode()).isEqualTo(200);
			assertThat(trip.body()).contains(code);
			// readiness asks PostgreSQL itself, which a cached trip read might not
			assertThat(get(first, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		}
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
		URI uri = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path);
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
	}

	private List<String> javaCommand() {
		// failsafe runs tests from a manifest-only jar; the real class path is in its own
		// property
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", classPath,
				GetawaysApplication.class.getName(), "--getaways.data-dir=" + dataDir, "--server.port=0");
	}

	/**
	 * Names and contents of the files that identify who owns the directory, read as any
	 * tool might read them.
	 */
	private List<String> snapshot() throws IOException {
		List<String> contents = new ArrayList<>();
		for (String name : List.of(".getaways.owner", "secrets.properties", "postgres/postmaster.pid")) {
			Path file = dataDir.resolve(name);
			if (Files.exists(file)) {
				contents.add(name + "=" + Files.readString(file));
			}
		}
		return contents;
	}

}
