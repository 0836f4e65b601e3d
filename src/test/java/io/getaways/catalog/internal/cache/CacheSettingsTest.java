package io.getaways.catalog.internal.cache;

import java.time.Duration;

import io.getaways.platform.config.TestSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CacheSettingsTest {

	@Test
	void unsetSettingsTakeTheirDefaults() {
		CacheSettings settings = TestSettings.bind(CacheSettings.class);
		assertThat(settings.tripTtl()).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.stayTtl()).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.pageTtl()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.pauseAfterFailure()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.loadWait()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aTimeThatIsNotPositiveFailsNamingTheProperty() {
		assertThat(TestSettings.rejections(CacheSettings.class, "getaways.cache.page-ttl=0"))
			.containsExactly("getaways.cache.page-ttl must be positive but was 0s");
		assertThat(TestSettings.rejections(CacheSettings.class, "getaways.cache.stay-ttl=-1s"))
			.containsExactly("getaways.cache.stay-ttl must be positive but was -1s");
	}

	@Test
	void anEmptyValueTakesTheDefaultAsSpringBootBindsIt() {
		assertThat(TestSettings.bind(CacheSettings.class, "getaways.cache.trip-ttl=").tripTtl())
			.isEqualTo(Duration.ofMinutes(10));
	}

}
