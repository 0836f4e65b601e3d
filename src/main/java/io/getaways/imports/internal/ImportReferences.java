package io.getaways.imports.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Source keys that have no column of their own here (a booking's reference) and the rows
 * they became, in {@code app.import_references}.
 */
@Repository
class ImportReferences {

	private static final String EXISTS = """
			SELECT count(*)
			FROM app.import_references
			WHERE entity = :entity
			  AND source_key = :key""";

	private static final String SAVE = """
			INSERT INTO app.import_references (entity, source_key, target_id)
			VALUES (:entity, :key, :targetId)""";

	private final JdbcClient jdbc;

	ImportReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String entity, String key) {
		return jdbc.sql(EXISTS).param("entity", entity).param("key", key).query(Long.class).single() > 0;
	}

	void save(String entity, String key, UUID targetId) {
		jdbc.sql(SAVE).param("entity", entity).param("key", key).param("targetId", targetId).update();
	}

}
