package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every changeset can be applied, rolled back and applied again on a fresh database of
 * the server the tests use, and validation notices an applied changeset that was edited
 * afterwards.
 */
@IntegrationTest
class MigrationRollbackIT {

	private static final List<String> TRIP_INDEXES = List.of("trips_pkey", "trips_code_key", "trips_departs_at_idx",
			"trips_price_idx", "trips_resort_lower_idx", "trips_text_trgm_idx");

	@Autowired
	ApplicationContext context;

	ScratchDatabase scratch;

	DatabaseMigrator migrator;

	@BeforeEach
	void provisionScratchDatabase() {
		scratch = ScratchDatabase.create(context, "gwrb" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
		migrator = scratch.migrator();
	}

	@AfterEach
	void dropScratchDatabase() {
		if (scratch != null) {
			scratch.close();
		}
	}

	@Test
	void appliesRollsBackAndReappliesEveryChangeset() throws SQLException {
		List<String> changesets = migrator.status().pending();
		assertThat(changesets).hasSizeGreaterThanOrEqualTo(8);
		assertThat(migrator.status().applied()).isEmpty();
		assertThat(migrator.update()).isEqualTo(changesets.size());
		assertSchemaPresent();
		assertThat(migrator.status().applied()).containsExactlyElementsOf(changesets);
		assertThat(migrator.status().pending()).isEmpty();

		assertThat(migrator.rollback(Integer.MAX_VALUE)).isEqualTo(changesets.size());

		assertThat(migrator.status().applied()).isEmpty();
		assertThat(migrator.status().pending()).containsExactlyElementsOf(changesets);
		assertSchemaAbsent();

		assertThat(migrator.update()).isEqualTo(changesets.size());
		assertSchemaPresent();
		migrator.validate();
	}

	@Test
	void validateNamesAnAppliedChangesetWhoseChecksumChanged() throws SQLException {
		migrator.update();
		migrator.validate();

		inScratch(sql -> assertThat(sql.update(
				"UPDATE public.databasechangelog SET md5sum = '9:00000000000000000000000000000000' WHERE id = ?",
				"003-trips"))
			.isOne());

		assertThatThrownBy(migrator::validate).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("003-trips.sql::003-trips::getaways");
	}

	private void assertSchemaPresent() throws SQLException {
		DatabaseRoles roles = scratch.roles();
		inScratch(sql -> {
			assertThat(names(sql, "SELECT nspname FROM pg_namespace")).contains("app", "system", "audit");
			assertThat(names(sql, "SELECT extname FROM pg_extension")).contains("citext", "btree_gist", "pg_trgm",
					"pgcrypto");
			assertThat(names(sql, "SELECT indexname FROM pg_indexes WHERE schemaname = 'app' AND tablename = 'trips'"))
				.containsAll(TRIP_INDEXES);
			assertThat(sql.queryForObject("""
					SELECT pg_get_constraintdef(oid)
					FROM pg_constraint
					WHERE conrelid = 'app.trips'::regclass AND conname = 'trips_seats_chk' AND contype = 'c'
					""", String.class)).contains("seats_booked <= capacity");
			assertThat(sql.queryForObject("SELECT to_regclass('app.event_publication') IS NOT NULL", Boolean.class))
				.isTrue();
			assertThat(names(sql, "SELECT rolname FROM pg_roles")).contains(roles.app(), roles.customer(),
					roles.admin(), roles.jobs(), roles.readonly(), roles.auditor(), roles.backup(), roles.owner());
		});
	}

	private void assertSchemaAbsent() throws SQLException {
		DatabaseRoles roles = scratch.roles();
		inScratch(sql -> {
			assertThat(names(sql, "SELECT nspname FROM pg_namespace")).doesNotContain("app", "system", "audit");
			assertThat(names(sql, "SELECT extname FROM pg_extension")).doesNotContain("citext", "btree_gist", "pg_trgm",
					"pgcrypto");
			// the owner and the backup role belong to provisioning, not to any changeset
			assertThat(names(sql, "SELECT rolname FROM pg_roles")).doesNotContain(roles.app(), roles.customer(),
					roles.admin(), roles.jobs(), roles.readonly(), roles.auditor());
		});
	}

	private static List<String> names(JdbcTemplate sql, String query) {
		return sql.queryForList(query, String.class);
	}

	private void inScratch(SqlWork work) throws SQLException {
		try (Connection connection = DriverManager.getConnection(scratch.url(), scratch.superuser(), null)) {
			work.run(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
		}
	}

	@FunctionalInterface
	private interface SqlWork {

		void run(JdbcTemplate sql);

	}

}
