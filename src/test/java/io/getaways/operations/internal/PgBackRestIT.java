package io.getaways.operations.internal;

import java.time.Duration;
import java.util.Optional;

import io.getaways.operations.internal.PgBackRestInfo.Backup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.getaways.operations.internal.PgBackRestServer.STANZA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * pgBackRest's backups of a real PostgreSQL 15 server: what info reports, incremental
 * backups and expiry, and the error line of a failing command. Skipped where pgBackRest
 * or the server binaries are missing ({@link PgBackRestServer}).
 */
class PgBackRestIT {

	@RegisterExtension
	static final PgBackRestServer server = new PgBackRestServer();

	@Test
	void infoListsTheFullBackupWithItsLsnsAndWal() {
		PgBackRestInfo.StanzaInfo info = server.pgBackRest().info();
		String fullBackup = server.fullBackup();

		assertThat(info.name()).isEqualTo(STANZA);
		assertThat(info.statusCode()).isZero();
		assertThat(info.archiveMax()).isPresent();
		Backup full = info.backups()
			.stream()
			.filter(backup -> backup.label().equals(fullBackup))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Backup " + fullBackup + " missing from " + info.backups()));
		assertThat(full.type()).isEqualTo("full");
		assertThat(full.lsnStart()).matches("[0-9A-F]+/[0-9A-F]+");
		assertThat(full.lsnStop()).matches("[0-9A-F]+/[0-9A-F]+");
		assertThat(full.archiveStart()).matches("[0-9A-F]{24}");
		assertThat(full.archiveStop()).isGreaterThanOrEqualTo(full.archiveStart());
		assertThat(full.stop()).isAfterOrEqualTo(full.start());
		assertThat(full.size()).isPositive();
		assertThat(full.repoSize()).isPositive();
	}

	@Test
	void anIncrementalBackupBuildsOnTheFullOneAndExpireKeepsBoth() {
		PgBackRest pgBackRest = server.pgBackRest();
		String newestFull = pgBackRest.info()
			.backups()
			.stream()
			.filter(backup -> backup.type().equals("full"))
			.reduce((a, b) -> b)
			.orElseThrow()
			.label();
		String incremental = pgBackRest.backup("incr");
		pgBackRest.expire();

		assertThat(incremental).startsWith(newestFull + "_").endsWith("I");
		assertThat(pgBackRest.info().backups()).filteredOn(backup -> backup.label().equals(incremental))
			.singleElement()
			.satisfies(backup -> assertThat(backup.prior()).contains(newestFull));
		assertThat(pgBackRest.info().backups()).extracting(Backup::label).contains(server.fullBackup(), newestFull);
	}

	@Test
	void aFailingCommandReportsPgBackRestsErrorLine() {
		PgBackRest pgBackRest = server.pgBackRest();
		LocalPostgresCluster primary = server.primary();
		assertThatThrownBy(() -> pgBackRest.backup("nightly")).isInstanceOf(IllegalArgumentException.class);
		PgBackRest wrongStanza = new PgBackRest(new PgBackRestSettings("missing", pgBackRest.settings().repoPath(),
				primary.dataDir(), primary.port(), pgBackRest.settings().pgSocketPath(), Optional.empty(),
				Optional.empty(), primary.superuser(), Optional.empty(), pgBackRest.settings().runAsUser(), 1,
				PgBackRestSettings.DEFAULT_COMPRESS_TYPE, "pgbackrest", Duration.ofSeconds(30)));

		// The config file is the real one, which has no [missing] section, so pg1-path is
		// unknown to pgBackRest.
		assertThatThrownBy(wrongStanza::check).isInstanceOf(PgBackRestException.class)
			.hasMessageMatching("pgBackRest check failed \\(exit 37\\): ERROR: \\[037]: [^\\n]*pg1-path");
	}

}
