package io.getaways.imports.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each import stopped, in {@code app.import_checkpoints}; saved in the transaction
 * of the batch it follows.
 */
@Repository
class Checkpoints {

	private static final String FIND = """
			SELECT position, inserted, updated, skipped, rejected, checksum, target_checksum, finished
			FROM app.import_checkpoints
			WHERE run_key = :runKey
			  AND entity = :entity""";

	private static final String SAVE = """
			INSERT INTO app.import_checkpoints
			  (run_key, entity, source, position, inserted, updated, skipped, rejected, checksum, target_checksum,
			   finished)
			VALUES (:runKey, :entity, :source, :position, :inserted, :updated, :skipped, :rejected, :checksum,
			  :targetChecksum, :finished)
			ON CONFLICT ON CONSTRAINT import_checkpoints_pkey DO UPDATE
			SET position = excluded.position,
			    inserted = excluded.inserted,
			    updated = excluded.updated,
			    skipped = excluded.skipped,
			    rejected = excluded.rejected,
			    checksum = excluded.checksum,
			    target_checksum = excluded.target_checksum,
			    finished = excluded.finished,
			    updated_at = now()""";

	private static final String CLEAR = """
			DELETE FROM app.import_checkpoints
			WHERE run_key = :runKey""";

	private final JdbcClient jdbc;

	Checkpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Checkpoint(Tally tally, boolean finished) {
	}

	Optional<Checkpoint> find(String runKey, String entity, long sourceRows) {
		return jdbc.sql(FIND)
			.param("runKey", runKey)
			.param("entity", entity)
			.query((row, n) -> new Checkpoint(new Tally(entity, sourceRows, row.getLong("position"),
					row.getLong("inserted"), row.getLong("updated"), row.getLong("skipped"), row.getLong("rejected"),
					row.getString("checksum"), row.getString("target_checksum")), row.getBoolean("finished")))
			.optional();
	}

	void save(String runKey, String source, Tally tally, boolean finished) {
		jdbc.sql(SAVE)
			.param("runKey", runKey)
			.param("entity", tally.entity)
			.param("source", source)
			.param("position", tally.position)
			.param("inserted", tally.inserted)
			.param("updated", tally.updated)
			.param("skipped", tally.skipped)
			.param("rejected", tally.rejected)
			.param("checksum", tally.checksum())
			.param("targetChecksum", tally.targetChecksum())
			.param("finished", finished)
			.update();
	}

	void clear(String runKey) {
		jdbc.sql(CLEAR).param("runKey", runKey).update();
	}

}
