package io.getaways.imports.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

	private static final String EXISTING = """
			SELECT source_key
			FROM app.import_references
			WHERE entity = :entity
			  AND source_key = ANY (:keys)""";

	private static final String SAVE_ALL = """
			INSERT INTO app.import_references (entity, source_key, target_id)
			SELECT :entity, r.source_key, r.target_id
			FROM unnest(:keys::text[], :ids::uuid[]) AS r (source_key, target_id)""";

	private static final String TARGET = """
			SELECT target_id
			FROM app.import_references
			WHERE entity = :entity
			  AND source_key = :key""";

	private final JdbcClient jdbc;

	ImportReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String entity, String key) {
		return jdbc.sql(EXISTS).param("entity", entity).param("key", key).query(Long.class).single() > 0;
	}

	Set<String> existing(String entity, Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql(EXISTING)
			.param("entity", entity)
			.param("keys", keys.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** The id a key became, if it was imported. */
	Optional<UUID> target(String entity, String key) {
		return jdbc.sql(TARGET).param("entity", entity).param("key", key).query(UUID.class).optional();
	}

	/** Keys and the ids they became, pairwise. */
	void saveAll(String entity, List<String> keys, List<UUID> targetIds) {
		if (keys.isEmpty()) {
			return;
		}
		jdbc.sql(SAVE_ALL)
			.param("entity", entity)
			.param("keys", keys.toArray(String[]::new))
			.param("ids", targetIds.stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

	void save(String entity, String key, UUID targetId) {
		jdbc.sql(SAVE).param("entity", entity).param("key", key).param("targetId", targetId).update();
	}

}
