package io.getaways.platform.crypto;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code app.data_keys}: wrapped data keys and the id of the key that wraps each. */
@Repository
class DataKeyStore {

	record Wrapped(UUID id, String keyId, byte[] wrappedKey) {
	}

	private static final String INSERT = """
			INSERT INTO app.data_keys (id, key_id, wrapped_key)
			VALUES (:id, :keyId, :wrappedKey)""";

	private static final String FIND = """
			SELECT id, key_id, wrapped_key
			FROM app.data_keys
			WHERE id = :id""";

	private static final String COUNT_BY_KEY = """
			SELECT key_id, count(*) AS data_keys
			FROM app.data_keys
			GROUP BY key_id
			ORDER BY key_id""";

	private static final String SAMPLE = """
			SELECT id, key_id, wrapped_key
			FROM app.data_keys
			WHERE key_id = :keyId
			ORDER BY id
			LIMIT :limit""";

	private static final String NOT_UNDER = """
			SELECT id, key_id, wrapped_key
			FROM app.data_keys
			WHERE key_id <> :keyId
			  AND id > :after
			ORDER BY id
			LIMIT :limit""";

	private static final String REWRAP = """
			UPDATE app.data_keys
			SET key_id = :newKeyId,
			    wrapped_key = :wrappedKey,
			    rewrapped_at = now()
			WHERE id = :id
			  AND key_id = :oldKeyId""";

	private final JdbcClient jdbc;

	DataKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Wrapped key) {
		jdbc.sql(INSERT)
			.param("id", key.id())
			.param("keyId", key.keyId())
			.param("wrappedKey", key.wrappedKey())
			.update();
	}

	Optional<Wrapped> find(UUID id) {
		return jdbc.sql(FIND).param("id", id).query(DataKeyStore::wrapped).optional();
	}

	/** How many data keys each key-encryption key wraps. */
	Map<String, Long> countByKey() {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		jdbc.sql(COUNT_BY_KEY).query((rs, n) -> counts.put(rs.getString("key_id"), rs.getLong("data_keys"))).list();
		return counts;
	}

	List<Wrapped> sample(String keyId, int limit) {
		return jdbc.sql(SAMPLE).param("keyId", keyId).param("limit", limit).query(DataKeyStore::wrapped).list();
	}

	/** The next batch of data keys not yet under the key, after the given id. */
	List<Wrapped> notUnder(String keyId, UUID after, int limit) {
		return jdbc.sql(NOT_UNDER)
			.param("keyId", keyId)
			.param("after", after)
			.param("limit", limit)
			.query(DataKeyStore::wrapped)
			.list();
	}

	/** False when someone re-wrapped it first. */
	boolean rewrap(Wrapped old, String newKeyId, byte[] wrappedKey) {
		return jdbc.sql(REWRAP)
			.param("id", old.id())
			.param("oldKeyId", old.keyId())
			.param("newKeyId", newKeyId)
			.param("wrappedKey", wrappedKey)
			.update() == 1;
	}

	private static Wrapped wrapped(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Wrapped(rs.getObject("id", UUID.class), rs.getString("key_id"), rs.getBytes("wrapped_key"));
	}

}
