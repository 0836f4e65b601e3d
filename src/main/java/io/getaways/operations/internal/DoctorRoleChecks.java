package io.getaways.operations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.getaways.platform.db.DatabaseRoles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Roles and row-level security as the design expects: every role exists, only the backup
 * role bypasses row-level security, the pool's login is no superuser, and every table
 * with a policy, or with a {@code user_id} column that a request's role (traveller or
 * admin) may read, has row-level security enabled and forced (forced, because the schema
 * owner's definer functions would otherwise see every row). A table only jobs and reports
 * can read, such as the analytics events, is guarded by its privileges alone.
 */
final class DoctorRoleChecks {

	private static final String ROLES = """
			SELECT rolname, rolsuper, rolbypassrls, rolcanlogin
			FROM pg_roles
			WHERE rolname IN (:names)""";

	private static final String UNPROTECTED_TABLES = """
			SELECT n.nspname || '.' || c.relname AS table_name
			FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p')
			  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
			  AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
			  AND (EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
			    OR (EXISTS (SELECT 1 FROM pg_attribute a
			                WHERE a.attrelid = c.oid AND a.attname = 'user_id' AND NOT a.attisdropped)
			        AND (has_table_privilege(:customer, c.oid, 'SELECT')
			          OR has_table_privilege(:admin, c.oid, 'SELECT'))))
			ORDER BY 1""";

	private static final String PROTECTED_COUNT = """
			SELECT count(*)
			FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p') AND c.relrowsecurity AND c.relforcerowsecurity""";

	private final DoctorTargets.Postgres target;

	DoctorRoleChecks(DoctorTargets.Postgres target) {
		this.target = target;
	}

	private record Role(String name, boolean superuser, boolean bypassRls, boolean login) {
	}

	DoctorFinding check(JdbcClient jdbc) {
		DatabaseRoles names = new DatabaseRoles(target.rolePrefix());
		List<String> expected = List.of(names.owner(), names.app(), names.customer(), names.admin(), names.jobs(),
				names.system(), names.readonly(), names.auditor(), names.backup());
		List<String> wanted = new ArrayList<>(expected);
		if (target.appUser() != null && !wanted.contains(target.appUser())) {
			wanted.add(target.appUser());
		}
		Map<String, Role> roles = jdbc.sql(ROLES)
			.param("names", wanted)
			.query((row, n) -> new Role(row.getString(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4)))
			.list()
			.stream()
			.collect(Collectors.toMap(Role::name, Function.identity()));
		List<String> problems = new ArrayList<>();
		List<String> missing = expected.stream().filter(name -> !roles.containsKey(name)).toList();
		if (!missing.isEmpty()) {
			problems.add("missing roles " + missing + " (run `getaways migrate up`)");
		}
		Role login = roles.get(target.appUser());
		if (login == null && !missing.contains(target.appUser())) {
			problems.add("the pool's login role " + target.appUser() + " does not exist");
		}
		else if (login != null && (login.superuser() || login.bypassRls() || !login.login())) {
			problems.add("the pool's login role " + target.appUser() + " must be LOGIN NOSUPERUSER NOBYPASSRLS ("
					+ "ALTER ROLE " + target.appUser() + " LOGIN NOSUPERUSER NOBYPASSRLS)");
		}
		roles.values()
			.stream()
			.filter(role -> role.bypassRls() || role.superuser())
			.filter(role -> !role.name().equals(names.backup()) && !role.name().equals(target.appUser()))
			.forEach(role -> problems.add(role.name() + " is a superuser or bypasses row-level security"));
		List<String> unprotected = missing.isEmpty() ? jdbc.sql(UNPROTECTED_TABLES)
			.param("customer", names.customer())
			.param("admin", names.admin())
			.query(String.class)
			.list() : List.of();
		if (!unprotected.isEmpty()) {
			problems.add("row-level security not enabled and forced on " + unprotected);
		}
		if (!problems.isEmpty()) {
			return DoctorFinding.fail("roles-rls", String.join("; ", problems));
		}
		long protectedTables = jdbc.sql(PROTECTED_COUNT).query(Long.class).single();
		return DoctorFinding.ok("roles-rls",
				expected.size() + " roles present; " + target.appUser()
						+ " is NOSUPERUSER NOBYPASSRLS; row-level security enabled and forced on " + protectedTables
						+ " tables");
	}

}
