package io.getaways.platform.db;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cluster-wide role names of one Getaways database, derived from a prefix so that
 * several installations (or test databases) can share one PostgreSQL cluster without
 * sharing roles.
 */
public record DatabaseRoles(String prefix) {

	private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	public DatabaseRoles {
		if (prefix == null || !PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException(
					"getaways.db.role-prefix must match " + PREFIX.pattern() + " but was '" + prefix + "'");
		}
	}

	public String owner() {
		return prefix + "_owner";
	}

	public String app() {
		return prefix + "_app";
	}

	public String customer() {
		return prefix + "_customer";
	}

	public String admin() {
		return prefix + "_admin";
	}

	public String jobs() {
		return prefix + "_jobs";
	}

	/**
	 * Identity internals: signing keys, deny-list, sign-in throttling, rate-limit
	 * overrides, OAuth2 clients.
	 */
	public String system() {
		return prefix + "_system";
	}

	public String readonly() {
		return prefix + "_readonly";
	}

	public String auditor() {
		return prefix + "_auditor";
	}

	public String backup() {
		return prefix + "_backup";
	}

	/** Liquibase changelog parameters naming every role. */
	Map<String, String> changelogParameters() {
		return Map.of("role_owner", owner(), "role_app", app(), "role_customer", customer(), "role_admin", admin(),
				"role_jobs", jobs(), "role_system", system(), "role_readonly", readonly(), "role_auditor", auditor(),
				"role_backup", backup());
	}
}
