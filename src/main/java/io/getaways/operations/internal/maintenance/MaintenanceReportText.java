package io.getaways.operations.internal.maintenance;

import java.io.PrintWriter;

/** The report as people read it on a terminal. */
final class MaintenanceReportText {

	private MaintenanceReportText() {
	}

	static void print(PrintWriter out, MaintenanceReport report) {
		out.println("Tables with many dead tuples: " + (report.deadTuples().isEmpty() ? "none" : ""));
		report.deadTuples()
			.forEach(t -> out.printf("  %-40s dead %d, live %d, last vacuum %s, last autovacuum %s%n", t.table(),
					t.dead(), t.live(), t.lastVacuum(), t.lastAutovacuum()));
		out.println("Unused indexes (no scan since statistics were reset): "
				+ (report.unusedIndexes().isEmpty() ? "none" : ""));
		report.unusedIndexes()
			.forEach(i -> out.printf("  %-40s %-40s %d bytes%n", i.table(), i.index(), i.sizeBytes()));
		out.println("Duplicate indexes: " + (report.duplicateIndexes().isEmpty() ? "none" : ""));
		report.duplicateIndexes().forEach(d -> out.printf("  %-40s %s%n", d.table(), String.join(", ", d.indexes())));
		out.println("Slowest statements: " + report.slowStatementsNote());
		if (report.slowStatements() != null) {
			report.slowStatements()
				.forEach(s -> out.printf("  %10s ms mean, %8d calls  %s%n", s.meanMs(), s.calls(),
						s.query().replaceAll("\\s+", " ")));
		}
		out.println("Sequences near their limit: " + (report.sequences().isEmpty() ? "none" : ""));
		report.sequences()
			.forEach(s -> out.printf("  %-40s %s%% used (%d of %d)%n", s.sequence(), s.percentUsed(), s.lastValue(),
					s.maxValue()));
		out.println("Rows in default partitions: " + (report.defaultPartitionRows().isEmpty() ? "none" : ""));
		report.defaultPartitionRows()
			.forEach(r -> out.printf("  %-20s %s %d rows (no partition for that month)%n", r.table(), r.month(),
					r.rows()));
	}

}
