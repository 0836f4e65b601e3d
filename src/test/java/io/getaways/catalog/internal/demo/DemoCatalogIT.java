package io.getaways.catalog.internal.demo;

import java.util.List;

import io.getaways.catalog.Superuser;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The demo catalog on a database seeded by an earlier version, which knew only trips: the
 * stays arrive once, beside whatever already holds their codes, and never twice.
 */
@IntegrationTest
class DemoCatalogIT {

	@Autowired
	DemoCatalog demoCatalog;

	@Autowired
	ApplicationContext context;

	@Test
	void staysArriveOnceOnADatabaseSeededWithTripsOnly() throws Exception {
		try (Superuser superuser = new Superuser(context)) {
			JdbcClient jdbc = superuser.jdbc();
			List<String> demoCodes = DemoStays.all().stream().map(stay -> stay.code()).toList();
			assertThat(codes(jdbc, demoCodes)).as("loaded at startup").containsExactlyInAnyOrderElementsOf(demoCodes);
			assertThat(marker(jdbc, "demo-data.catalog")).isEqualTo(1);

			// as before stays existed: no stay marker, and one demo code already used by
			// an admin's own stay
			jdbc.sql("DELETE FROM system.config WHERE key = 'demo-data.stays'").update();
			jdbc.sql("UPDATE app.stays SET name = 'Admin owned villa' WHERE code = 'VILLAUBUD'").update();
			// and one demo stay that never arrived
			int deleted = jdbc.sql("""
					DELETE FROM app.stays s
					WHERE s.code = 'CASATULUM'
					  AND NOT EXISTS (SELECT 1 FROM app.bookings b WHERE b.stay_id = s.id)
					  AND NOT EXISTS (SELECT 1 FROM app.reviews r WHERE r.stay_id = s.id)""").update();
			assumeThat(deleted).as("a demo stay nobody booked").isEqualTo(1);
			long tripsBefore = count(jdbc, "SELECT count(*) FROM app.trips");

			demoCatalog.run(null);
			demoCatalog.run(null);

			assertThat(marker(jdbc, "demo-data.stays")).isEqualTo(1);
			assertThat(codes(jdbc, demoCodes)).as("the missing one arrived, once")
				.containsExactlyInAnyOrderElementsOf(demoCodes);
			assertThat(jdbc.sql("SELECT name FROM app.stays WHERE code = 'VILLAUBUD'").query(String.class).single())
				.isEqualTo("Admin owned villa");
			assertThat(count(jdbc, "SELECT count(*) FROM app.trips")).as("trips are not loaded again")
				.isEqualTo(tripsBefore);
			jdbc.sql("UPDATE app.stays SET name = 'Villa Sawah' WHERE code = 'VILLAUBUD'").update();
		}
	}

	private static List<String> codes(JdbcClient jdbc, List<String> codes) {
		return jdbc.sql("SELECT code FROM app.stays WHERE code IN (:codes)")
			.param("codes", codes)
			.query(String.class)
			.list();
	}

	private static long marker(JdbcClient jdbc, String key) {
		return jdbc.sql("SELECT count(*) FROM system.config WHERE key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
