package io.getaways.operations.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import io.getaways.support.CommandLineRuns.Result;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.getaways.support.CommandLineRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code backup} and {@code restore} as an operator runs them, through the jar's command
 * line, on a data directory and a repository of the test's own: what they print, and the
 * one line a failure ends with.
 */
class BackupCommandIT {

	@TempDir
	Path temp;

	@Test
	void createListVerifyAndRestoreFromTheCommandLine() throws Exception {
		assumeFalse(TestStores.external(), "the external-stores profile pins every context to the CI database");
		Path dataDir = temp.resolve("data");
		String repository = "--getaways.backup.repository=" + temp.resolve("repo");
		assertThat(run("migrate", "up", "--data-dir=" + dataDir).exitCode()).isZero();

		Result create = run("backup", "create", "--data-dir=" + dataDir, repository);
		assertThat(create.exitCode()).as(create.err()).isZero();
		assertThat(create.out()).containsPattern("backup \\d{8}T\\d{6}Z complete: \\d+ stored, WAL [0-9A-F]{24}\\.\\.");
		assertThat(create.out()).contains("PostgreSQL base backup:");

		Result list = run("backup", "list", "--json", repository);
		assertThat(list.exitCode()).as(list.err()).isZero();
		JsonNode backups = JsonMapper.builder().build().readTree(list.out());
		assertThat(backups.size()).isEqualTo(1);
		String id = backups.get(0).path("id").asString();
		assertThat(backups.get(0).path("verified").asString()).isEqualTo("no");
		assertThat(backups.get(0).path("startLsn").asString()).matches("[0-9A-F]+/[0-9A-F]+");

		Result verify = run("backup", "verify", id, repository);
		assertThat(verify.exitCode()).as(verify.err()).isZero();
		assertThat(verify.out()).contains("verified: ").contains("rows match");
		assertThat(run("backup", "list", repository).out()).contains(id).contains("yes");

		Path into = temp.resolve("restored");
		Result restore = run("restore", "--to", "latest", "--into", into.toString(), repository);
		assertThat(restore.exitCode()).as(restore.err()).isZero();
		assertThat(restore.out()).contains("restored backup " + id + " into " + into);
		assertThat(into.resolve("postgres").resolve("PG_VERSION")).exists();
		assertThat(into.resolve("postgres").resolve("recovery.signal")).doesNotExist();

		Result again = run("restore", "--to", "latest", "--into", into.toString(), repository);
		assertThat(again.exitCode()).isNotZero();
		assertThat(again.err().strip())
			.isEqualTo("restore: restore target " + into + " is not empty; restore into a new directory");

		Result tooEarly = run("restore", "--to-time", "2001-01-01T00:00:00Z", "--into",
				temp.resolve("early").toString(), repository);
		assertThat(tooEarly.exitCode()).isNotZero();
		assertThat(tooEarly.err().strip())
			.startsWith("restore: target 2001-01-01T00:00:00Z is before the oldest backup")
			.doesNotContain("\n");
		assertThat(temp.resolve("early")).doesNotExist();
	}

	@Test
	void badArgumentsFailWithOneLineNamingThem() {
		Result badTime = run("restore", "--to-time", "yesterday", "--into", temp.resolve("x").toString(),
				"--getaways.backup.repository=" + temp.resolve("repo"));
		assertThat(badTime.exitCode()).isNotZero();
		assertThat(badTime.err()).contains("--to-time must be an ISO-8601 time").contains("'yesterday'");

		Result badTo = run("restore", "--to", "earliest", "--into", temp.resolve("x").toString());
		assertThat(badTo.exitCode()).isNotZero();
		assertThat(badTo.err()).contains("--to takes only 'latest'");

		Result noBackups = run("backup", "verify", "--getaways.backup.repository=" + temp.resolve("empty"));
		assertThat(noBackups.exitCode()).isNotZero();
		assertThat(noBackups.err().strip()).isEqualTo("backup: no complete backup in " + temp.resolve("empty"));
		assertThat(Files.exists(temp.resolve("x"))).isFalse();
	}

}
