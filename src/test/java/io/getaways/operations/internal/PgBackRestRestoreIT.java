package io.getaways.operations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.getaways.operations.internal.PgBackRestServer.INSERT_RANGE;
import static io.getaways.operations.internal.PgBackRestServer.execute;
import static io.getaways.operations.internal.PgBackRestServer.ids;
import static io.getaways.operations.internal.PgBackRestServer.serverTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Restores of a real PostgreSQL 15 server backed up with pgBackRest: to a point in time,
 * to a backup, and never over a directory in use. Skipped where pgBackRest or the server
 * binaries are missing ({@link PgBackRestServer}).
 */
class PgBackRestRestoreIT {

	@RegisterExtension
	static final PgBackRestServer server = new PgBackRestServer();

	@Test
	void restoreToATimeKeepsExactlyTheRowsCommittedBeforeIt() throws Exception {
		LocalPostgresCluster primary = server.primary();
		execute(primary, INSERT_RANGE.formatted(4, 6));
		Instant target = serverTime(primary);
		execute(primary, INSERT_RANGE.formatted(7, 9));
		server.archiveCurrentWal();

		Path restored = server.workDir().resolve("restored-to-time");
		server.pgBackRest().restore(restored, Optional.of(target), Optional.empty());
		LocalPostgresCluster copy = server.startRestored(restored);

		assertThat(ids(copy)).containsExactly(1, 2, 3, 4, 5, 6);
	}

	@Test
	void restoreOfABackupLabelStopsAtThatBackup() throws Exception {
		Path restored = server.workDir().resolve("restored-to-backup");
		server.pgBackRest().restore(restored, Optional.empty(), Optional.of(server.fullBackup()));
		LocalPostgresCluster copy = server.startRestored(restored);

		assertThat(ids(copy)).containsExactly(1, 2, 3);
	}

	@Test
	void restoreRefusesANonEmptyDirectory() throws IOException {
		Path occupied = LocalPostgresCluster.ownedDirectory(server.workDir().resolve("occupied"));
		Files.writeString(occupied.resolve("PG_VERSION"), "15\n");

		assertThatThrownBy(() -> server.pgBackRest().restore(occupied, Optional.empty(), Optional.empty()))
			.isInstanceOf(PgBackRestException.class)
			.hasMessage("Refusing to restore into non-empty directory " + occupied);
		assertThatThrownBy(
				() -> server.pgBackRest().restore(server.primary().dataDir(), Optional.empty(), Optional.empty()))
			.isInstanceOf(PgBackRestException.class)
			.hasMessageStartingWith("Refusing to restore into the live data directory");
	}

}
