package io.getaways.imports.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The end of an import: per entity the source's rows, what became of them, the rows the
 * target holds for the source afterwards, and a checksum of the accepted rows' content.
 */
record ImportReport(String source, boolean dryRun, List<Tally> entities, Path rejects, String stoppedAt,
		java.time.Duration elapsed) {

	long rejected() {
		return entities.stream().mapToLong(tally -> tally.rejected).sum();
	}

	/**
	 * Exit code: 0 when every row was accepted, 1 when any was rejected or the run
	 * stopped.
	 */
	int exitCode() {
		return rejected() > 0 || stoppedAt != null ? 1 : 0;
	}

	List<String> lines() {
		List<String> lines = new java.util.ArrayList<>();
		for (Tally tally : entities) {
			lines.add(String.format(
					"%s: source %d, inserted %d, updated %d, skipped %d, rejected %d, target %d, "
							+ "checksum %s, target checksum %s",
					tally.entity, tally.sourceRows, tally.inserted, tally.updated, tally.skipped, tally.rejected,
					tally.present(), tally.checksum(), tally.readsBack ? tally.targetChecksum() : "not read back"));
		}
		String what = (dryRun ? "dry run of " + source + " (nothing written)" : "imported " + source) + " in "
				+ String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
		if (stoppedAt != null) {
			lines.add("import: stopped at " + stoppedAt + " (--fail-fast); rejects in " + rejects);
		}
		else if (rejected() > 0) {
			lines.add("import: " + what + "; " + rejected() + " rows rejected, listed in " + rejects);
		}
		else {
			lines.add("import: " + what + "; no row rejected");
		}
		return lines;
	}

	String json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("source", source);
		json.put("dryRun", dryRun);
		json.put("rejects", rejects.toString());
		json.put("stoppedAt", stoppedAt);
		json.put("elapsedMs", elapsed.toMillis());
		json.put("entities", entities.stream().map(tally -> {
			Map<String, Object> entity = new LinkedHashMap<>();
			entity.put("entity", tally.entity);
			entity.put("source", tally.sourceRows);
			entity.put("inserted", tally.inserted);
			entity.put("updated", tally.updated);
			entity.put("skipped", tally.skipped);
			entity.put("rejected", tally.rejected);
			entity.put("target", tally.present());
			entity.put("checksum", tally.checksum());
			entity.put("targetChecksum", tally.readsBack ? tally.targetChecksum() : null);
			return entity;
		}).toList());
		return JsonMapper.builder().build().writeValueAsString(json);
	}

}
