package io.getaways.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keys in {@code app.idempotency_keys}; row-level security scopes every statement to the
 * signed-in user.
 */
@Repository
class IdempotencyKeys {

	/**
	 * Takes the key when it is new, expired, or abandoned by the same request; otherwise
	 * the conflict leaves the row alone and returns nothing. A concurrent duplicate
	 * blocks on the key until the taker commits, then sees its row.
	 */
	private static final String CLAIM = """
			INSERT INTO app.idempotency_keys AS k
			  (user_id, idempotency_key, request_method, request_path, request_hash, expires_at)
			VALUES (:userId, :key, :method, :path, :hash, now() + make_interval(secs => :retentionSeconds))
			ON CONFLICT (user_id, idempotency_key) DO UPDATE
			SET request_method = EXCLUDED.request_method,
			    request_path = EXCLUDED.request_path,
			    request_hash = EXCLUDED.request_hash,
			    status = 'IN_PROGRESS',
			    response_status = NULL,
			    response_body = NULL,
			    created_at = now(),
			    expires_at = EXCLUDED.expires_at
			WHERE k.expires_at <= now()
			   OR (k.status = 'IN_PROGRESS'
			       AND k.updated_at <= now() - make_interval(secs => :abandonSeconds)
			       AND k.request_hash = EXCLUDED.request_hash)
			RETURNING true""";

	private static final String FIND = """
			SELECT request_hash, status, response_status, response_body
			FROM app.idempotency_keys
			WHERE user_id = :userId
			  AND idempotency_key = :key
			  AND expires_at > now()""";

	private static final String COMPLETE = """
			UPDATE app.idempotency_keys
			SET status = 'COMPLETED', response_status = :status, response_body = :body
			WHERE user_id = :userId
			  AND idempotency_key = :key
			  AND request_hash = :hash
			  AND status = 'IN_PROGRESS'""";

	private static final String RELEASE = """
			DELETE FROM app.idempotency_keys
			WHERE user_id = :userId
			  AND idempotency_key = :key
			  AND request_hash = :hash
			  AND status = 'IN_PROGRESS'""";

	private static final String PURGE = """
			DELETE FROM app.idempotency_keys
			WHERE (user_id, idempotency_key) IN (
			  SELECT user_id, idempotency_key
			  FROM app.idempotency_keys
			  WHERE expires_at <= now()
			  LIMIT :batch)""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	IdempotencyKeys(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/** What is stored for a key that someone else holds. */
	record StoredKey(byte[] requestHash, String status, Integer responseStatus, String responseBody) {

		boolean completed() {
			return "COMPLETED".equals(status);
		}
	}

	boolean claim(UUID userId, String key, String method, String path, byte[] hash, Duration retention,
			Duration abandonAfter) {
		return metrics.record(Store.POSTGRES, "idempotency.claim",
				() -> jdbc.sql(CLAIM)
					.param("userId", userId)
					.param("key", key)
					.param("method", method)
					.param("path", path)
					.param("hash", hash)
					.param("retentionSeconds", seconds(retention))
					.param("abandonSeconds", seconds(abandonAfter))
					.query(Boolean.class)
					.optional()
					.isPresent());
	}

	Optional<StoredKey> find(UUID userId, String key) {
		return metrics.record(Store.POSTGRES, "idempotency.find",
				() -> jdbc.sql(FIND)
					.param("userId", userId)
					.param("key", key)
					.query(IdempotencyKeys::mapKey)
					.optional());
	}

	boolean complete(UUID userId, String key, byte[] hash, int status, String body) {
		return metrics.record(Store.POSTGRES, "idempotency.complete",
				() -> jdbc.sql(COMPLETE)
					.param("userId", userId)
					.param("key", key)
					.param("hash", hash)
					.param("status", status)
					.param("body", body)
					.update()) == 1;
	}

	boolean release(UUID userId, String key, byte[] hash) {
		return metrics.record(Store.POSTGRES, "idempotency.release",
				() -> jdbc.sql(RELEASE).param("userId", userId).param("key", key).param("hash", hash).update()) == 1;
	}

	/**
	 * Deletes up to {@code batch} expired keys of every user (a job's role sees them
	 * all).
	 */
	int purgeExpired(int batch) {
		return metrics.record(Store.POSTGRES, "idempotency.purge",
				() -> jdbc.sql(PURGE).param("batch", batch).update());
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static StoredKey mapKey(ResultSet row, int rowNumber) throws SQLException {
		Integer responseStatus = row.getObject("response_status", Integer.class);
		return new StoredKey(row.getBytes("request_hash"), row.getString("status"), responseStatus,
				row.getString("response_body"));
	}

}
