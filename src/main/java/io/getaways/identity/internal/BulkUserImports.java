package io.getaways.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.getaways.identity.ImportedTravlrUser;
import io.getaways.platform.StagingTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imported customers many at a time, in the caller's transaction: the batch copied into a
 * staging table, then one statement inserts the accounts whose email is free and grants
 * them the customer role. Passwords stay the source's hashes (no Argon2id here: the
 * import never knows a password), so the only per-row cost left is the audit trigger.
 */
@Component
class BulkUserImports {

	private static final String STAGING_COLUMNS = "ord integer, email text, name text, password_hash text";

	private static final String INSERT = """
			WITH inserted AS (
			  INSERT INTO app.users (email, name, password_hash)
			  SELECT email, name, password_hash
			  FROM pg_temp.import_users
			  ORDER BY ord
			  ON CONFLICT (email) DO NOTHING
			  RETURNING id, email
			), granted AS (
			  INSERT INTO app.user_roles (user_id, role)
			  SELECT id, 'customer' FROM inserted
			  ON CONFLICT (user_id, role) DO NOTHING
			)
			SELECT lower(email::text) FROM inserted""";

	private static final String FIND_IDS = """
			SELECT lower(email::text) AS email, id
			FROM app.users
			WHERE email = ANY (:emails::citext[])""";

	private final JdbcClient jdbc;

	private final StagingTables staging;

	private final TransactionTemplate transactions;

	BulkUserImports(JdbcClient jdbc, StagingTables staging, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.staging = staging;
		this.transactions = transactions;
	}

	Set<String> importTravlrUsers(List<ImportedTravlrUser> users) {
		List<List<?>> rows = new ArrayList<>(users.size());
		for (ImportedTravlrUser user : users) {
			AccountRules.checkAccount(user.email() == null ? null : user.email().trim(),
					user.name() == null ? null : user.name().trim());
			rows.add(List.of(rows.size(), user.email().trim(), user.name().trim(),
					TravlrPbkdf2.stored(user.salt(), user.hash())));
		}
		if (rows.isEmpty()) {
			return Set.of();
		}
		return transactions.execute(status -> {
			staging.fill("import_users", STAGING_COLUMNS, rows);
			return new HashSet<>(jdbc.sql(INSERT).query(String.class).list());
		});
	}

	/** Lower-cased email to id, for the emails that have an account. */
	Map<String, UUID> findIds(Collection<String> emails) {
		if (emails.isEmpty()) {
			return Map.of();
		}
		String[] trimmed = emails.stream().map(email -> email.trim().toLowerCase(Locale.ROOT)).toArray(String[]::new);
		return transactions.execute(status -> {
			Map<String, UUID> ids = new HashMap<>();
			jdbc.sql(FIND_IDS)
				.param("emails", trimmed)
				.query((row, n) -> ids.put(row.getString("email"), row.getObject("id", UUID.class)))
				.list();
			return ids;
		});
	}

}
