package io.getaways.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TravlrSecretSettingsTest {

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
