package io.getaways.imports.internal;

import java.nio.file.Path;

/**
 * How an import runs.
 *
 * @param dryRun check every row and count what would happen, writing nothing
 * @param batchSize rows per transaction and checkpoint
 * @param resume continue after the last checkpoint of the same source and mapping
 * @param failFast stop at the first rejected row instead of continuing past it
 * @param rejects where the rejected rows' keys and reasons go
 */
record ImportOptions(boolean dryRun, int batchSize, boolean resume, boolean failFast, Path rejects) {

	ImportOptions {
		if (batchSize < 1 || batchSize > 100_000) {
			throw new ImportMapping.MappingException("--batch-size must be 1 to 100000 but was " + batchSize);
		}
	}

}
