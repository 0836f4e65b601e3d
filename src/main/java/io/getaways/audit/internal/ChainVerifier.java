package io.getaways.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.getaways.audit.VerificationResult;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks the sealed range of the log in id order. Each row's checks are computed in SQL,
 * with the same {@code audit.content_hash} the insert trigger uses, so that Java never
 * has to reproduce the canonical text; the walk streams and stops at the first entry that
 * fails.
 */
@Component
public class ChainVerifier {

	private static final String WALK = """
			SELECT coalesce(l.id, c.log_id) AS id,
			       l.id IS NOT NULL AS logged,
			       c.log_id IS NOT NULL AS sealed,
			       audit.content_hash(l) = l.content_hash AS content_matches,
			       c.chain_hash = public.digest(coalesce(c.prev_hash, ''::bytea) || l.content_hash, 'sha256')
			         AS link_matches,
			       c.prev_hash IS NOT DISTINCT FROM lag(c.chain_hash) OVER (ORDER BY coalesce(l.id, c.log_id))
			         AS follows_previous
			FROM audit.log l
			FULL JOIN audit.chain c ON c.log_id = l.id
			WHERE coalesce(l.id, c.log_id) <= (SELECT coalesce(max(log_id), 0) FROM audit.chain)
			ORDER BY 1""";

	private static final int FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	ChainVerifier(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/**
	 * Must run inside a transaction: only then does the driver stream the rows instead of
	 * loading them all.
	 */
	VerificationResult walk() {
		return metrics.record(Store.POSTGRES, "audit.verify", () -> walk(jdbc));
	}

	/**
	 * The walk over any database with the audit schema, such as a restored copy; inside a
	 * transaction.
	 */
	public static VerificationResult walk(JdbcClient jdbc) {
		return jdbc.sql(WALK).withFetchSize(FETCH_SIZE).query(ChainVerifier::firstBroken);
	}

	private static VerificationResult firstBroken(ResultSet rows) throws SQLException {
		long checked = 0;
		while (rows.next()) {
			checked++;
			String reason = failure(rows);
			if (reason != null) {
				return VerificationResult.broken(checked, rows.getLong("id"), reason);
			}
		}
		return VerificationResult.intact(checked);
	}

	private static String failure(ResultSet row) throws SQLException {
		if (!row.getBoolean("logged")) {
			return "entry is sealed in audit.chain but missing from audit.log";
		}
		if (!row.getBoolean("sealed")) {
			return "entry is missing from audit.chain although later entries are sealed";
		}
		if (!row.getBoolean("content_matches")) {
			return "content does not match its content hash";
		}
		if (!row.getBoolean("link_matches")) {
			return "chain hash does not match the previous chain hash and this entry's content hash";
		}
		if (!row.getBoolean("follows_previous")) {
			return "previous hash does not match the chain hash of the entry before";
		}
		return null;
	}

}
