package io.getaways.catalog.internal.demo;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.getaways.catalog.TripDraft;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.StayDraft;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo catalog once per database: each part (trips, stays) has a marker row
 * that commits together with its rows, so a crash half-way loads nothing and the next
 * start tries again, a part added in a later version still arrives on a database seeded
 * earlier, and what an admin later deletes never comes back.
 */
@Component
@ConditionalOnBooleanProperty("getaways.demo-data.enabled")
// before the announcement of what can be booked
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private static final String MARKER = """
			INSERT INTO system.config (key, value)
			VALUES (:key, now()::text)
			ON CONFLICT (key) DO NOTHING""";

	private final JdbcClient jdbc;

	private final Listings catalog;

	private final TransactionTemplate transactions;

	DemoCatalog(JdbcClient jdbc, Listings catalog, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.transactions = transactions;
	}

	private static final String TAKEN_TRIP_CODES = "SELECT code FROM app.trips WHERE code IN (:codes)";

	private static final String TAKEN_STAY_CODES = "SELECT code FROM app.stays WHERE code IN (:codes)";

	@Override
	public void run(ApplicationArguments args) {
		load("demo-data.catalog", "trips", DemoTrips.all(), TripDraft::code, TAKEN_TRIP_CODES, catalog::createTrip);
		load("demo-data.stays", "stays", DemoStays.all(), StayDraft::code, TAKEN_STAY_CODES, catalog::createStay);
	}

	/**
	 * A code an admin already used on a database seeded before this part existed keeps
	 * the admin's row.
	 */
	private <T> void load(String marker, String what, List<T> drafts, Function<T, String> code, String takenCodes,
			Consumer<T> create) {
		int loaded = ActorContext.callAs(Actor.job("demo-data"), () -> transactions.execute(status -> {
			if (jdbc.sql(MARKER).param("key", marker).update() == 0) {
				return 0;
			}
			Set<String> taken = Set.copyOf(
					jdbc.sql(takenCodes).param("codes", drafts.stream().map(code).toList()).query(String.class).list());
			List<T> fresh = drafts.stream().filter(draft -> !taken.contains(code.apply(draft))).toList();
			fresh.forEach(create);
			return fresh.size();
		}));
		if (loaded > 0) {
			log.info("Demo data: loaded {} {}", loaded, what);
		}
	}

}
