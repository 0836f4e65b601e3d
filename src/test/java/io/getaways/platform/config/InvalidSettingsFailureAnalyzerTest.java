package io.getaways.platform.config;

import java.nio.file.Path;

import io.getaways.support.ExternalTestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an operator sees when an application fails to start on a bad setting. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingsFailureAnalyzerTest {

	@ConfigurationProperties("test.startup")
	@Validated
	record Limits(@DefaultValue("10") @AtLeast("1") int maxSeats) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(Limits.class)
	static class WithLimits {

	}

	@TempDir
	Path dataDir;

	@Test
	void aSettingRejectedWhileBindingABeanIsReportedAsOneLineWithWhereItIsSet(CapturedOutput output) {
		assertThatThrownBy(
				() -> start(WithLimits.class, "--getaways.embedded.enabled=false", "--test.startup.max-seats=0"))
			.isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(String.format("Description:%n%ntest.startup.max-seats must be at least 1 but was 0%n"))
			.contains("test.startup.max-seats is set in \"test.startup.max-seats\" from property source "
					+ "\"commandLineArgs\"")
			.doesNotContain("Binding to target");
	}

	@Test
	void aSettingRejectedBeforeAnyBeanExistsIsReportedTheSameWay(CapturedOutput output) {
		assertThatThrownBy(() -> start(WithLimits.class, "--getaways.embedded.stores=redis",
				"--getaways.embedded.redis-port=70000"))
			.isNotNull();
		assertThat(output)
			.contains(String.format("%ngetaways.embedded.redis-port must be at most 65535 but was 70000%n"));
	}

	private void start(Class<?> configuration, String... arguments) {
		SpringApplication application = new SpringApplication(configuration);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] all = new String[arguments.length + 3];
		all[0] = "--getaways.data-dir=" + dataDir;
		all[1] = "--getaways.backup.enabled=false";
		all[2] = "--" + ExternalTestStores.ENABLED + "=false";
		System.arraycopy(arguments, 0, all, 3, arguments.length);
		application.run(all).close();
	}

}
