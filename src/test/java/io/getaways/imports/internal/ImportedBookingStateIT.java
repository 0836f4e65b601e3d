package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changeset 027: only the admin role acting as an import inserts a booking in its final
 * state; a traveller, an admin or a traveller calling itself an import still starts
 * PENDING and moves only along the state machine. Every statement runs in a transaction
 * rolled back afterwards.
 */
@IntegrationTest
class ImportedBookingStateIT {

	private static final String INSERT_COMPLETED = """
			INSERT INTO app.bookings
			  (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount, currency, status,
			   confirmed_at, completed_at, created_at)
			SELECT ?, id, 1, departs_at, departs_at + interval '5 days', price_per_person, 1, price_per_person,
			       currency, 'COMPLETED', now() - interval '30 days', departs_at + interval '5 days',
			       now() - interval '30 days'
			FROM app.trips WHERE code = ?
			RETURNING id""";

	@Autowired
	Importer importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@TempDir
	Path dir;

	private String userId;

	private String trip;

	@BeforeEach
	void oneTravellerAndOneTrip() throws Exception {
		SqliteSeed seed = new SqliteSeed(dir.resolve("state.db")).create(1, 1);
		ImportMapping mapping = ImportMapping.parse(SqliteSeed.MAPPING, "test");
		try (JdbcSource source = JdbcSource.sqlite(seed.file, mapping)) {
			importer.run(source, mapping, new ImportOptions(false, 10, false, false, dir.resolve("rejects.csv")),
					new PrintWriter(new StringWriter()));
		}
		trip = seed.codes.get(0);
		userId = as(new Actor(Actor.Role.ADMIN, null, "test:state", null, null, null),
				() -> jdbc.sql("SELECT id::text FROM app.users WHERE email = ?")
					.param(seed.emails.get(0))
					.query(String.class)
					.single());
	}

	@Test
	void onlyTheImportActorInsertsABookingInItsFinalState() {
		Actor importer = new Actor(Actor.Role.ADMIN, null, "import:sqlite:test.db", null, null, null);
		UUID imported = as(importer, this::insertCompleted);
		assertThat(imported).isNotNull();
		assertThat(as(importer, () -> jdbc.sql("""
				SELECT r.rolname || ' ' || r.rolbypassrls || ' ' || c.relforcerowsecurity
				FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'app.bookings'::regclass""")
			.query(String.class)
			.single())).as("the import writes as the admin role, under forced row-level security")
			.endsWith("_admin false true");

		assertRefused(new Actor(Actor.Role.CUSTOMER, userId, "customer", null, null, null));
		assertRefused(new Actor(Actor.Role.ADMIN, null, "admin:someone", null, null, null));
		assertRefused(new Actor(Actor.Role.CUSTOMER, userId, "import:sqlite:test.db", null, null, null));
	}

	@Test
	void noActorSkipsAStateOnceABookingIsIn() {
		for (Actor actor : new Actor[] { new Actor(Actor.Role.ADMIN, null, "admin:someone", null, null, null),
				new Actor(Actor.Role.ADMIN, null, "import:sqlite:test.db", null, null, null) }) {
			assertThatThrownBy(() -> as(actor, () -> {
				UUID id = jdbc.sql("""
						INSERT INTO app.bookings
						  (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount, currency,
						   hold_expires_at)
						SELECT ?, id, 1, departs_at, departs_at + interval '5 days', price_per_person, 1,
						       price_per_person, currency, now() + interval '5 minutes'
						FROM app.trips WHERE code = ?
						RETURNING id""").params(UUID.fromString(userId), trip).query(UUID.class).single();
				return jdbc
					.sql("UPDATE app.bookings SET status = 'COMPLETED', completed_at = now(), "
							+ "confirmed_at = now() WHERE id = ?")
					.param(id)
					.update();
			})).as(actor.name()).hasMessageContaining("cannot move from PENDING to COMPLETED");
		}
		assertThatThrownBy(
				() -> as(new Actor(Actor.Role.ADMIN, null, "import:sqlite:test.db", null, null, null), () -> {
					UUID id = insertCompleted();
					return jdbc.sql("UPDATE app.bookings SET status = 'PENDING' WHERE id = ?").param(id).update();
				}))
			.hasMessageContaining("cannot move from COMPLETED to PENDING");
	}

	private void assertRefused(Actor actor) {
		assertThatThrownBy(() -> as(actor, this::insertCompleted)).as(actor.role() + " as " + actor.name())
			.hasMessageContaining("a booking starts PENDING, not COMPLETED");
	}

	private UUID insertCompleted() {
		return jdbc.sql(INSERT_COMPLETED).params(UUID.fromString(userId), trip).query(UUID.class).single();
	}

	private <T> T as(Actor actor, Supplier<T> work) {
		return ActorContext.callAs(actor, () -> transactions.execute(status -> {
			status.setRollbackOnly();
			return work.get();
		}));
	}

}
