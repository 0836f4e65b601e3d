package io.getaways.platform.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.getaways.support.CommandLineRuns.Result;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.getaways.support.CommandLineRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code keys status} and {@code keys rotate} as an operator runs them on a new embedded
 * data directory: the first key is generated and kept with the other secrets, readable by
 * the owner only; a rotation generates the next one, makes it active and keeps the old.
 */
class KeysCommandIT {

	@TempDir
	Path temp;

	@Test
	void rotateGeneratesTheNextKeyInEmbeddedModeAndStatusCountsPerKey() throws Exception {
		assumeFalse(TestStores.external(), "the external-stores profile pins every context to the CI database");
		Path dataDir = temp.resolve("data");

		Result first = run("keys", "status", "--data-dir=" + dataDir);
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.out()).contains("k1 (active): 0 data keys");

		Result rotate = run("keys", "rotate", "--data-dir=" + dataDir);
		assertThat(rotate.exitCode()).as(rotate.toString()).isZero();
		assertThat(rotate.out()).contains("Active key: k2")
			.contains("Rotated: 0 data keys re-wrapped; every data key is under k2");
		Path secrets = dataDir.resolve("secrets.properties");
		assertThat(Files.readString(secrets)).contains("crypto-key.k1=")
			.contains("crypto-key.k2=")
			.contains("crypto-active-key=k2");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");

		Result after = run("keys", "status", "--data-dir=" + dataDir);
		assertThat(after.out()).contains("k1: 0 data keys").contains("k2 (active): 0 data keys");

		Result badBatch = run("keys", "rotate", "--batch-size=0", "--data-dir=" + dataDir);
		assertThat(badBatch.exitCode()).isEqualTo(2);
		assertThat(badBatch.err()).contains("--batch-size must be 1 to 10000 but was 0");
	}

}
