package io.getaways.identity.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start with a short Travlr secret stops, saying which property is wrong, without
 * printing the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class TravlrSecretStartupTest {

	private static final String SHORT_SECRET = "s3cr3t-too-short";

	@Test
	void aShortSecretStopsTheStartNamingThePropertyButNeverPrintingTheSecret(CapturedOutput output) {
		SpringApplication application = new SpringApplication(OnlyTheSecret.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatThrownBy(() -> application.run("--getaways.travlr.jwt-secret=" + SHORT_SECRET).close())
			.isInstanceOf(RuntimeException.class);
		assertThat(output.toString())
			.contains("getaways.travlr.jwt-secret must be at least 32 bytes but was a hidden value of 16 bytes")
			.doesNotContain(SHORT_SECRET);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TravlrSecretSettings.class)
	static class OnlyTheSecret {

	}

}
