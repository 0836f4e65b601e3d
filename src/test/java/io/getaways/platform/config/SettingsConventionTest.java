package io.getaways.platform.config;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;

/** Every settings type of the application follows the convention of this package. */
class SettingsConventionTest {

	@Test
	void everySettingsTypeIsValidatedUnderGetawaysAndItsDefaultsPassItsOwnRules() {
		List<Class<?>> types = settingsTypes();
		assertThat(types).hasSizeGreaterThanOrEqualTo(14);
		for (Class<?> type : types) {
			ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
			assertThat(properties.value() + properties.prefix()).as(type.getName()).startsWith("getaways.");
			assertThat(type.getAnnotation(Validated.class)).as(type.getName() + " is @Validated").isNotNull();
			assertThat(TestSettings.rejections(type)).as(type.getName() + " with nothing set").isEmpty();
		}
	}

	private static List<Class<?>> settingsTypes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		return scanner.findCandidateComponents("io.getaways")
			.stream()
			.<Class<?>>map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), null))
			.filter(type -> !type.getName().startsWith("io.getaways.platform.config."))
			.filter(type -> type.getEnclosingClass() == null || !type.getEnclosingClass().getName().endsWith("Test"))
			.toList();
	}

}
