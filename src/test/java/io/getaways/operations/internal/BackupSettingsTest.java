package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Duration;

import io.getaways.platform.config.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code getaways.backup.*} as startup binds it: defaults when unset, and each rejected
 * value in one line.
 */
class BackupSettingsTest {

	@Test
	void unsetSettingsTakeTheirDefaults() {
		BackupSettings settings = TestSettings.bind(BackupSettings.class);
		assertThat(settings.enabled()).isTrue();
		assertThat(settings.archiveTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.schedule()).isEqualTo("0 30 2 * * *");
		assertThat(settings.verifyAfterSchedule()).isTrue();
		assertThat(settings.keepBackups()).isEqualTo(7);
		assertThat(settings.keepBackupsFor()).isZero();
		assertThat(settings.keepWalForBackups()).isEqualTo(7);
		assertThat(settings.maxAge()).isEqualTo(Duration.ofHours(26));
		assertThat(settings.replayMargin()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.compressionLevel()).isEqualTo(1);
		assertThat(settings.recoveryTimeout()).isEqualTo(Duration.ofHours(1));
		assertThat(settings.threads()).isZero();
		assertThat(settings.copyThreads()).isBetween(1, 4);
		assertThat(settings.backupKey()).isNull();
	}

	@Test
	void givenThreadsAreUsedAsTheyAre() {
		assertThat(TestSettings.bind(BackupSettings.class, "getaways.backup.threads=6").copyThreads()).isEqualTo(6);
	}

	@Test
	void aDashOrAnyCronExpressionIsASchedule() {
		assertThat(TestSettings.rejections(BackupSettings.class, "getaways.backup.schedule=-")).isEmpty();
		assertThat(TestSettings.rejections(BackupSettings.class, "getaways.backup.schedule=@daily")).isEmpty();
		assertThat(TestSettings.rejections(BackupSettings.class, "getaways.backup.schedule=0 0 */6 * * MON-FRI"))
			.isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "keep-wal-for-backups=0 | keep-wal-for-backups must be at least 1 but was 0",
			"keep-wal-for-backups=8 | keep-wal-for-backups must not exceed keep-backups (7) but was 8",
			"keep-backups-for=-1d | keep-backups-for must be at least 0s but was -1d",
			"threads=-1 | threads must be at least 0 but was -1",
			"compression-level=0 | compression-level must not be 0 but was 0",
			"compression-level=20 | compression-level must be at most 19 but was 20",
			"compression-level=-101 | compression-level must be at least -100 but was -101",
			"max-age=0s | max-age must be positive but was 0s",
			"archive-timeout=0s | archive-timeout must be positive but was 0s",
			"recovery-timeout=-1m | recovery-timeout must be positive but was -1m",
			"schedule=0 30 2 * * | schedule must be a cron expression such as 0 30 2 * * * or - for none but was "
					+ "\"0 30 2 * *\"" })
	void aBadValueIsRejectedInOneLineNamingThePropertyAndTheValue(String setting, String line) {
		assertThat(TestSettings.rejections(BackupSettings.class, "getaways.backup." + setting))
			.containsExactly("getaways.backup." + line);
	}

	@Test
	void aBlankScheduleIsRejectedRatherThanReadAsTheDefault() {
		assertThat(TestSettings.rejections(BackupSettings.class, "getaways.backup.schedule= ")).containsExactly(
				"getaways.backup.schedule must be a cron expression such as 0 30 2 * * * or - for none but was \" \"");
	}

	@Test
	void noBackupsToKeepAlsoBreaksTheRuleOfTheWalKeptForThem() {
		assertThat(TestSettings.rejections(BackupSettings.class, "getaways.backup.keep-backups=0"))
			.containsExactlyInAnyOrder("getaways.backup.keep-backups must be at least 1 but was 0",
					"getaways.backup.keep-wal-for-backups must not exceed keep-backups (0) but was 7");
	}

	@Test
	void pgBackRestIsCheckedOnlyOnceAStanzaIsSet() {
		assertThat(TestSettings.bind(PgBackRestProperties.class).configured()).isFalse();
		assertThat(TestSettings.rejections(PgBackRestProperties.class, "getaways.backup.pgbackrest.stanza=../main"))
			.containsExactlyInAnyOrder(
					"getaways.backup.pgbackrest.stanza must be at most 64 letters, digits, '_', '.' or '-', starting "
							+ "with a letter or digit but was \"../main\"",
					"getaways.backup.pgbackrest.pg-data must name the server's data directory when stanza is set "
							+ "but was null",
					"getaways.backup.pgbackrest.pg-port must be the server's port when stanza is set but was 0");
	}

	@Test
	void pgBackRestSettingsTakeTheirDefaultsAndTheBackupsRepositoryKeyAndCount() {
		BackupSettings backup = TestSettings.bind(BackupSettings.class, "getaways.backup.repository=/srv/backups",
				"getaways.backup.keep-backups=3", "getaways.backup.keep-wal-for-backups=3");
		PgBackRestSettings settings = TestSettings
			.bind(PgBackRestProperties.class, "getaways.backup.pgbackrest.stanza=main",
					"getaways.backup.pgbackrest.pg-data=/srv/pg", "getaways.backup.pgbackrest.pg-port=5432")
			.settings(backup);
		assertThat(settings.repoPath()).isEqualTo(Path.of("/srv/backups/pgbackrest"));
		assertThat(settings.pgUser()).isEqualTo("postgres");
		assertThat(settings.executable()).isEqualTo("pgbackrest");
		assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(30));
		assertThat(settings.retentionFull()).isEqualTo(3);
		assertThat(settings.cipherPass()).isEmpty();
	}

}
