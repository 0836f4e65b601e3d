package io.getaways.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * compose.yaml and its TLS overlay, read as Docker Compose reads them (no Docker needed):
 * pinned images, health checks, start order, and environment variables that all reach a
 * setting the service reads, so that renaming a property breaks the build instead of the
 * compose set-up.
 */
class ComposeFileTest {

	private static final Pattern PINNED = Pattern.compile("[a-z0-9./-]+:\\d+(\\.\\d+)*([._-][A-Za-z0-9._-]+)?");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");

	@Test
	void servicesArePinnedHealthCheckedAndStartInOrder() throws IOException {
		Map<String, Map<String, Object>> services = services("compose.yaml");
		assertThat(services).containsOnlyKeys("postgres", "provision", "mongo", "redis", "getaways");
		services.forEach((name, service) -> {
			assertThat((String) service.get("image")).as(name + " image").matches(PINNED).doesNotContain(":latest");
			boolean oneShot = "no".equals(service.get("restart"));
			if (!oneShot) {
				assertThat(map(service.get("healthcheck"))).as(name + " healthcheck").containsKey("test");
			}
			map(service.get("depends_on")).forEach((dependency, how) -> {
				assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
				String condition = (String) map(how).get("condition");
				if ("service_healthy".equals(condition)) {
					assertThat(services.get(dependency)).as(dependency + " has a healthcheck")
						.containsKey("healthcheck");
				}
				else {
					assertThat(condition).as(name + " waits for " + dependency)
						.isEqualTo("service_completed_successfully");
					assertThat(services.get(dependency).get("restart")).isEqualTo("no");
				}
			});
			for (Object volume : list(service.get("volumes"))) {
				String source = volume.toString().split(":")[0];
				if (source.startsWith("./") && !source.startsWith("./target/") && !source.contains("/tls")) {
					assertThat(Path.of(source)).as(name + " mounts " + source).exists();
				}
			}
		});
		assertThat(dependenciesOf("getaways", services)).contains("postgres", "provision", "mongo", "redis");
	}

	@Test
	void theTlsOverlayOnlyChangesServicesOfTheMainFile() throws IOException {
		Map<String, Map<String, Object>> overlay = services("compose.tls.yaml");
		assertThat(services("compose.yaml")).containsKeys(overlay.keySet().toArray(String[]::new));
		assertThat(environment(overlay.get("getaways")).get("SPRING_DATASOURCE_URL")).contains("sslmode=verify-full");
		assertThat(environment(overlay.get("getaways")).get("SPRING_DATA_REDIS_URL")).startsWith("rediss://");
	}

	@Test
	void everyVariableTheServiceIsGivenIsOneItReads() throws Exception {
		ServiceProperties properties = ServiceProperties.load();
		assertThat(properties.reads("GETAWAYS_NO_SUCH_SETTING")).as("the check itself can fail").isFalse();
		assertThat(properties.reads("SPRING_DATASOURCE_URLS")).isFalse();
		for (String file : List.of("compose.yaml", "compose.tls.yaml")) {
			Map<String, String> environment = environment(services(file).get("getaways"));
			assertThat(environment).isNotEmpty();
			for (String variable : environment.keySet()) {
				if (variable.startsWith("GETAWAYS_") || variable.startsWith("SPRING_") || variable.equals("PORT")) {
					assertThat(properties.reads(variable)).as(file + ": " + variable + " reaches no setting").isTrue();
				}
			}
		}
	}

	@Test
	void everyVariableComposeNeedsIsInTheExampleEnvFile() throws IOException {
		Properties example = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("ops/compose/example.env"))) {
			example.load(reader);
		}
		Set<String> used = new HashSet<>();
		for (String file : List.of("compose.yaml", "compose.tls.yaml")) {
			Matcher matcher = VARIABLE.matcher(Files.readString(Path.of(file)));
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(example.stringPropertyNames()).containsAll(used);
	}

	private static Set<String> dependenciesOf(String name, Map<String, Map<String, Object>> services) {
		Set<String> seen = new HashSet<>();
		Deque<String> next = new ArrayDeque<>(List.of(name));
		while (!next.isEmpty()) {
			for (String dependency : map(services.get(next.pop()).get("depends_on")).keySet()) {
				if (seen.add(dependency)) {
					next.push(dependency);
				}
			}
		}
		return seen;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services(String file) throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of(file))) {
			Map<String, Object> document = new Yaml().load(reader);
			return (Map<String, Map<String, Object>>) document.get("services");
		}
	}

	private static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> environment = new java.util.LinkedHashMap<>();
		map(service.get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value == null ? Map.of() : (Map<String, Object>) value;
	}

	private static List<?> list(Object value) {
		return value == null ? List.of() : (List<?>) value;
	}

}
