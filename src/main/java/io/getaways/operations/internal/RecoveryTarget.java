package io.getaways.operations.internal;

import java.time.Instant;

/** How far a restore replays the archived WAL past the base backup. */
sealed interface RecoveryTarget {

	/** To the backup's own consistent point: the state its recorded figures describe. */
	record BackupPoint() implements RecoveryTarget {
	}

	/** To every commit at or before a time. */
	record Time(Instant at) implements RecoveryTarget {
	}

	/** To the end of the archived WAL. */
	record Latest() implements RecoveryTarget {
	}

}
