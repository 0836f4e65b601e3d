package io.getaways.operations.internal.maintenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.getaways.analytics.DefaultPartitionRows;

/**
 * What an operator should look at. {@code slowStatements} is null, and
 * {@code slowStatementsNote} says why, when {@code pg_stat_statements} is not installed.
 */
record MaintenanceReport(Instant at, List<DeadTuples> deadTuples, List<IndexNote> unusedIndexes,
		List<DuplicateIndexes> duplicateIndexes, List<SlowStatement> slowStatements, String slowStatementsNote,
		List<SequenceUse> sequences, List<DefaultPartitionRows> defaultPartitionRows) {

	record DeadTuples(String table, long dead, long live, Instant lastVacuum, Instant lastAutovacuum) {
	}

	record IndexNote(String table, String index, long sizeBytes) {
	}

	record DuplicateIndexes(String table, List<String> indexes, String definition) {
	}

	record SlowStatement(String query, long calls, BigDecimal meanMs, BigDecimal totalMs) {
	}

	record SequenceUse(String sequence, long lastValue, long maxValue, BigDecimal percentUsed) {
	}

}
