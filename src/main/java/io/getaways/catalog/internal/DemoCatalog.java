package io.getaways.catalog.internal;

import io.getaways.catalog.CatalogService;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo catalog once per database, on the first start: a marker row and every trip commit together, so a
 * crash half-way loads nothing and the next start tries again, and trips an admin later deletes never come back.
 */
@Component
@ConditionalOnBooleanProperty("getaways.demo-data.enabled")
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private static final String MARKER = """
			INSERT INTO system.config (key, value)
			VALUES ('demo-data.catalog', now()::text)
			ON CONFLICT (key) DO NOTHING""";

	private final JdbcClient jdbc;
	private final CatalogService catalog;
	private final TransactionTemplate transactions;

	DemoCatalog(JdbcClient jdbc, CatalogService catalog, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		int loaded = ActorContext.callAs(Actor.job("demo-data"), () -> transactions.execute(status -> {
			if (jdbc.sql(MARKER).update() == 0) {
				return 0;
			}
			var trips = DemoTrips.all();
			trips.forEach(catalog::createTrip);
			return trips.size();
		}));
		if (loaded > 0) {
			log.info("Demo data: loaded {} trips", loaded);
		}
	}
}
