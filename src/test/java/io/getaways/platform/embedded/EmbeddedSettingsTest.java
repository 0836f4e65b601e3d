package io.getaways.platform.embedded;

import java.time.Duration;

import io.getaways.platform.config.InvalidSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Embedded mode's settings, bound from the environment before any bean exists, the same
 * way as the others.
 */
class EmbeddedSettingsTest {

	@Test
	void unsetSettingsTakeTheirDefaultsAndArchivingStaysOff() {
		assertThat(EmbeddedSettings.from(new MockEnvironment()))
			.isEqualTo(new EmbeddedSettings("getaways", "getaways", 0, 0, 0, null, 0, false));
	}

	@Test
	void theRolePrefixIsTheDatabaseSettingsOneAndAnArchiveCommandTurnsArchivingOn() {
		MockEnvironment environment = new MockEnvironment().withProperty("getaways.db.role-prefix", "trips")
			.withProperty("getaways.embedded.postgres-port", "15432")
			.withProperty("getaways.embedded.postgres-archive-command", "cp %p /wal/%f");
		assertThat(EmbeddedSettings.from(environment)).isEqualTo(new EmbeddedSettings("trips", "getaways", 15432, 0, 0,
				new EmbeddedSettings.WalArchiving("cp %p /wal/%f", Duration.ofSeconds(60)), 0, false));
	}

	@Test
	void aBadValueIsRejectedInTheSameShapeAsEverySetting() {
		MockEnvironment environment = new MockEnvironment().withProperty("getaways.embedded.mongo-port", "-1")
			.withProperty("getaways.embedded.database", "");
		assertThatThrownBy(() -> EmbeddedSettings.from(environment)).isInstanceOf(BindException.class)
			.satisfies(failure -> assertThat(InvalidSettings.lines(failure)).containsExactlyInAnyOrder(
					"getaways.embedded.mongo-port must be at least 0 but was -1",
					"getaways.embedded.database must not be blank but was \"\""));
		assertThat(InvalidSettings.lines(catchFrom(new MockEnvironment().withProperty("getaways.db.role-prefix", " "))))
			.containsExactly("getaways.db.role-prefix must not be blank but was \" \"");
	}

	private static Throwable catchFrom(MockEnvironment environment) {
		try {
			EmbeddedSettings.from(environment);
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

}
