package io.getaways.catalog.internal.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.internal.content.ContentKind;

/**
 * What a reconciliation of catalog content found and did. Clean when no drift is left
 * unrepaired; a dry run repairs nothing, so it is clean only when it found no drift at
 * all.
 */
public record ReconcileReport(boolean dryRun, Map<ContentKind, Sizes> sizes, List<Finding> findings) {

	/** Rows in PostgreSQL and documents in MongoDB looked at. */
	record Sizes(int rows, int documents) {
	}

	enum Drift {

		/** A row without a document. */
		MISSING,
		/** A document older than its row. */
		STALE,
		/** A document without a row. */
		ORPHAN,
		/**
		 * A document newer than its row: PostgreSQL lost what MongoDB still shows, as
		 * after a restore.
		 */
		AHEAD

	}

	enum Outcome {

		REPAIRED, REMOVED, UNREPAIRED

	}

	/** One code's drift; a version is null where there is no row or no document. */
	record Finding(ContentKind kind, String code, Drift drift, Outcome outcome, Long rowVersion, Long documentVersion,
			String how) {

		String line(boolean dryRun) {
			String done = switch (outcome) {
				case REPAIRED -> dryRun ? "repairable" : "repaired";
				case REMOVED -> dryRun ? "removable" : "removed";
				case UNREPAIRED -> "unrepaired";
			};
			return String.format("%-10s %-4s %-20s %-7s row %s, document %s: %s", done, kind.label(), code,
					drift.name().toLowerCase(), rowVersion == null ? "none" : "v" + rowVersion,
					documentVersion == null ? "none" : "v" + documentVersion, how);
		}
	}

	public ReconcileReport {
		sizes = Map.copyOf(sizes);
		findings = List.copyOf(findings);
	}

	long count(Outcome outcome) {
		return findings.stream().filter(finding -> finding.outcome() == outcome).count();
	}

	public boolean clean() {
		return dryRun ? findings.isEmpty() : count(Outcome.UNREPAIRED) == 0;
	}

	/** The report as the command prints it and the job logs it. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		StringBuilder looked = new StringBuilder(
				dryRun ? "catalog reconcile (dry run, nothing changed):" : "catalog reconcile:");
		for (ContentKind kind : ContentKind.values()) {
			Sizes size = sizes.get(kind);
			if (size != null) {
				looked
					.append(String.format(" %ss %d rows / %d documents;", kind.label(), size.rows(), size.documents()));
			}
		}
		lines.add(looked.substring(0, looked.length() - (looked.charAt(looked.length() - 1) == ';' ? 1 : 0)));
		findings.forEach(finding -> lines.add(finding.line(dryRun)));
		lines.add(String.format("%s %d, %s %d, unrepaired %d", dryRun ? "repairable" : "repaired",
				count(Outcome.REPAIRED), dryRun ? "removable" : "removed", count(Outcome.REMOVED),
				count(Outcome.UNREPAIRED)));
		return lines;
	}
}
