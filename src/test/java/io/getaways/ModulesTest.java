package io.getaways;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of package-info.java, checked on every build, and the module diagrams
 * written from the same model (target/spring-modulith-docs: components.puml for all
 * modules, module-*.puml and module-*.adoc per module).
 */
class ModulesTest {

	/** Documenter's default folder in a Maven build. */
	private static final Path DOCS = Path.of("target", "spring-modulith-docs");

	private static final String JAVADOC = "target/generated-spring-modulith/javadoc.json";

	private final ApplicationModules modules = ApplicationModules.of(GetawaysApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyTheirAllowedDependenciesThroughTheirApis() {
		modules.verify();
	}

	@Test
	void theModulesAreExactlyThese() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"analytics", "audit", "booking", "catalog", "identity", "imports", "notification", "operations",
				"payment", "platform", "review", "search", "travlr");
	}

	/**
	 * Without a declaration, Modulith allows every direction; a new module must say which
	 * it takes.
	 */
	@Test
	void everyModuleDeclaresItsAllowedDependencies() {
		assertThat(modules.stream()).allSatisfy(module -> {
			ApplicationModule declared = packageInfo(module.getBasePackage().getName())
				.getAnnotation(ApplicationModule.class);
			assertThat(declared).as("@ApplicationModule on %s", module.getBasePackage().getName()).isNotNull();
			assertThat(declared.allowedDependencies()).as("allowedDependencies of %s", module.getIdentifier())
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
		});
	}

	@Test
	void writesTheModuleDocumentation() throws IOException {
		balanceBracketsInJavadocMetadata();
		new Documenter(modules).writeDocumentation();

		assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
		assertThat(DOCS.resolve("module-booking.puml")).content().contains("catalog", "payment");
		assertThat(DOCS.resolve("module-booking.adoc")).isNotEmptyFile();
	}

	/**
	 * The canvases quote the Javadoc that Modulith's annotation processor collects in
	 * {@value #JAVADOC}; Modulith 2.1 reads that file with Spring Boot's BasicJsonParser,
	 * which counts brackets inside strings too, so a comment naming a half-open range
	 * such as [from, to) makes it fail. Such brackets become AsciiDoc's {startsb} and
	 * {endsb}, which the canvases render as the brackets again.
	 */
	private static void balanceBracketsInJavadocMetadata() throws IOException {
		Path javadoc = Path.of(JAVADOC);
		if (!Files.exists(javadoc)) {
			return;
		}
		JsonMapper json = JsonMapper.builder().build();
		JsonNode types = json.readTree(javadoc.toFile());
		types.forEach(type -> {
			balance((ObjectNode) type);
			type.path("methods").forEach(method -> balance((ObjectNode) method));
		});
		json.writeValue(javadoc.toFile(), types);
	}

	private static void balance(ObjectNode documented) {
		String comment = documented.path("comment").asString(null);
		if (comment != null && (count(comment, '[') != count(comment, ']'))) {
			documented.put("comment", comment.replace("[", "{startsb}").replace("]", "{endsb}"));
		}
	}

	private static long count(String text, char wanted) {
		return text.chars().filter(c -> c == wanted).count();
	}

	private static Package packageInfo(String packageName) {
		try {
			return Class.forName(packageName + ".package-info").getPackage();
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError("No package-info.java in " + packageName, ex);
		}
	}

}
