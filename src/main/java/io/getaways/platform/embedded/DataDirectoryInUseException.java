package io.getaways.platform.embedded;

import java.nio.file.Path;

/** Another process already runs embedded servers on this data directory. */
public class DataDirectoryInUseException extends IllegalStateException {

	DataDirectoryInUseException(Path dataDir, String owner) {
		super("Data directory " + dataDir + " is in use by another Getaways process (" + owner
				+ "). Stop that process, or set getaways.data-dir (GETAWAYS_DATA_DIR) to another directory.");
	}

}
