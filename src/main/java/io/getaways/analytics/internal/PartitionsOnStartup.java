package io.getaways.analytics.internal;

import io.getaways.analytics.PartitionUpkeep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Partition upkeep once at startup, so a new installation records into monthly partitions
 * from its first request rather than into the default partition until the first scheduled
 * maintenance. Safe beside another instance doing the same: a partition is created once,
 * and a loser's failure is only logged.
 */
class PartitionsOnStartup {

	private static final Logger log = LoggerFactory.getLogger(PartitionsOnStartup.class);

	private final PartitionUpkeeper upkeeper;

	PartitionsOnStartup(PartitionUpkeeper upkeeper) {
		this.upkeeper = upkeeper;
	}

	@EventListener(ApplicationReadyEvent.class)
	void upkeep() {
		try {
			PartitionUpkeep done = upkeeper.run(line -> log.debug("Analytics: {}", line));
			if (!done.created().isEmpty() || !done.dropped().isEmpty()) {
				log.info("Analytics: partitions created {}, dropped {}", done.created(), done.dropped());
			}
		}
		catch (DataAccessException | TransactionException ex) {
			log.warn("Analytics: partition upkeep at startup failed, the maintenance run will retry: {}",
					ex.getMessage());
		}
	}

}
