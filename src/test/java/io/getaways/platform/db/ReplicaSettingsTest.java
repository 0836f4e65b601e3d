package io.getaways.platform.db;

import java.time.Duration;

import io.getaways.platform.config.InvalidSettings;
import io.getaways.platform.config.SettingsBinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaSettingsTest {

	@Test
	void noUrlsMeansNoReplicasAndCommaSeparatedUrlsAreNamedByPosition() {
		ReplicaSettings none = SettingsBinder.bind(new MockEnvironment(), ReplicaSettings.class);
		assertThat(none.enabled()).isFalse();
		assertThat(none.maxLag()).isEqualTo(Duration.ofSeconds(1));
		assertThat(none.checkInterval()).isEqualTo(Duration.ofMillis(200));
		ReplicaSettings two = SettingsBinder.bind(new MockEnvironment().withProperty("getaways.replicas.urls",
				"jdbc:postgresql://pg2/getaways,jdbc:postgresql://pg3/getaways"), ReplicaSettings.class);
		assertThat(two.names()).containsExactly("replica-1", "replica-2");
	}

	@Test
	void aUrlThatIsNoPostgresUrlOrALagThatIsNotPositiveIsRefusedNamingTheProperty() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("getaways.replicas.urls", "jdbc:postgresql://pg2/getaways,pg3:5432")
			.withProperty("getaways.replicas.max-lag", "0s");
		assertThatThrownBy(() -> SettingsBinder.bind(environment, ReplicaSettings.class))
			.isInstanceOf(BindException.class)
			.satisfies(failure -> assertThat(InvalidSettings.lines(failure)).containsExactlyInAnyOrder(
					"getaways.replicas.urls[1] must be a jdbc:postgresql: URL but was \"pg3:5432\"",
					"getaways.replicas.max-lag must be positive but was 0s"));
	}

}
