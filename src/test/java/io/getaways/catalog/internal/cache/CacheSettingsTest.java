package io.getaways.catalog.internal.cache;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheSettingsTest {

	@Test
	void unsetSettingsTakeTheirDefaults() {
		CacheSettings settings = new CacheSettings(null, null, null, null, null);
		assertThat(settings.tripTtl()).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.stayTtl()).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.pageTtl()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.pauseAfterFailure()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.loadWait()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aTimeThatIsNotPositiveFailsNamingTheProperty() {
		assertThatThrownBy(() -> new CacheSettings(null, null, Duration.ZERO, null, null))
			.hasMessageContaining("getaways.cache.page-ttl")
			.hasMessageContaining("PT0S");
		assertThatThrownBy(() -> new CacheSettings(null, Duration.ofSeconds(-1), null, null, null))
			.hasMessageContaining("getaways.cache.stay-ttl");
	}
}
