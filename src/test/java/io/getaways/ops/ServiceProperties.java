package io.getaways.ops;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings the service reads, to tell whether an environment variable reaches one:
 * the keys and {@code ${PLACEHOLDERS}} of application*.properties, Spring Boot's
 * configuration metadata, the service's own {@code @ConfigurationProperties} records, and
 * the {@code getaways.*} names its code reads directly, matched as Spring Boot's relaxed
 * binding matches environment variables.
 */
final class ServiceProperties {

	private static final Pattern LITERAL = Pattern.compile("[\"{](getaways(?:\\.[a-z0-9-]+)+)[\"}:]");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

	/** Exact names (properties, as their environment-variable forms). */
	private final Set<String> exact = new HashSet<>();

	/** Names under which any key binds (maps, and types not described further). */
	private final Set<String> prefixes = new HashSet<>();

	/** Variables application.properties reads by name, such as PORT. */
	private final Set<String> placeholders = new HashSet<>();

	static ServiceProperties load() throws IOException, ClassNotFoundException {
		ServiceProperties properties = new ServiceProperties();
		try (var files = Files.list(Path.of("src/main/resources"))) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.properties"))
				.toList()) {
				Properties values = new Properties();
				try (var reader = Files.newBufferedReader(file)) {
					values.load(reader);
				}
				values.forEach((key, value) -> {
					properties.add((String) key, false);
					Matcher matcher = PLACEHOLDER.matcher((String) value);
					while (matcher.find()) {
						properties.placeholders.add(matcher.group(1));
					}
				});
			}
		}
		for (Resource metadata : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			try (InputStream in = metadata.getInputStream()) {
				for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
					properties.add(property.path("name").asString(),
							property.path("type").asString("").startsWith("java.util.Map"));
				}
			}
		}
		// names the code reads directly: @ConditionalOnProperty, @Value,
		// Environment.getProperty
		try (var sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = LITERAL.matcher(Files.readString(source));
				while (matcher.find()) {
					properties.add(matcher.group(1), false);
				}
			}
		}
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.getaways")) {
			Class<?> type = Class.forName(candidate.getBeanClassName(), false,
					ServiceProperties.class.getClassLoader());
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			properties.addType(annotation.value().isEmpty() ? annotation.prefix() : annotation.value(), type);
		}
		return properties;
	}

	/**
	 * Whether Spring Boot would bind the environment variable to a setting the service
	 * reads.
	 */
	boolean reads(String variable) {
		if (placeholders.contains(variable) || exact.contains(variable)) {
			return true;
		}
		return prefixes.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
	}

	private void addType(String prefix, Class<?> type) {
		if (!type.isRecord()) {
			prefixes.addAll(forms(prefix));
			return;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			Class<?> componentType = component.getType();
			if (componentType.isRecord()) {
				addType(name, componentType);
			}
			else {
				add(name, java.util.Map.class.isAssignableFrom(componentType)
						|| isMapOfValues(component.getGenericType()));
			}
		}
	}

	private static boolean isMapOfValues(Type type) {
		return type instanceof ParameterizedType parameterized && parameterized.getRawType() == java.util.Map.class;
	}

	private void add(String property, boolean isMap) {
		Set<String> forms = forms(property.replaceAll("\\[.*?]", ""));
		exact.addAll(forms);
		if (isMap) {
			prefixes.addAll(forms);
		}
	}

	/**
	 * The two environment-variable forms Spring Boot accepts: dashes dropped, or dashes
	 * as underscores.
	 */
	private static Set<String> forms(String property) {
		String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
		return new HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
