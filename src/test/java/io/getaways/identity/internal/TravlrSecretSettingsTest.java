package io.getaways.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TravlrSecretSettingsTest {

	@Test
	void aSecretShorterThan32BytesIsRefusedNamingThePropertyButNotTheSecret() {
		assertThatThrownBy(() -> new TravlrSecretSettings("short but secret"))
			.hasMessage("getaways.travlr.jwt-secret must be at least 32 bytes but was 16 bytes")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("short but secret"));
	}

	@Test
	void unsetOrEmptyMeansTheServicesOwnTokens() {
		assertThat(new TravlrSecretSettings(null).key()).isEmpty();
		assertThat(new TravlrSecretSettings("").key()).isEmpty();
	}

	@Test
	void theSecretNeverShowsInItsTextForm() {
		String secret = "a deployment secret of at least 32 bytes";
		TravlrSecretSettings settings = new TravlrSecretSettings(secret);
		assertThat(settings.key()).isPresent();
		assertThat(settings.toString()).doesNotContain(secret).contains("(set)");
	}
}
