package io.getaways.audit.internal;

import java.time.Instant;
import java.util.List;

import io.getaways.audit.internal.ActivityQueue.ActivityEvent;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the activity queue into MongoDB in batches. Activity may be lost, never the
 * caller's request: a batch that cannot be written is dropped and counted, with one
 * warning per outage.
 */
@Component
class ActivityWriter {

	private static final Logger log = LoggerFactory.getLogger(ActivityWriter.class);

	private final ActivityQueue queue;

	private final ActivityStore store;

	private final ActivitySettings settings;

	private volatile boolean failing;

	ActivityWriter(ActivityQueue queue, ActivityStore store, ActivitySettings settings) {
		this.queue = queue;
		this.store = store;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${getaways.activity.flush-interval:500ms}")
	void flush() {
		while (!queue.isEmpty()) {
			List<ActivityEvent> batch = queue.drain(settings.batchSize());
			try {
				store.insert(batch);
				if (failing) {
					log.info("Activity: writing to MongoDB works again");
					failing = false;
				}
			}
			catch (RuntimeException ex) {
				queue.countFailed(batch.size());
				if (!failing) {
					log.warn("Activity: cannot write to MongoDB, dropping events until it answers: {}",
							ex.getMessage());
					failing = true;
				}
				return;
			}
		}
	}

	@Scheduled(fixedDelayString = "${getaways.activity.purge-interval:1h}",
			initialDelayString = "${getaways.activity.purge-interval:1h}")
	@SchedulerLock(name = "activity-purge", lockAtMostFor = "PT30M")
	void purge() {
		try {
			long deleted = store.deleteOlderThan(Instant.now().minus(settings.retention()));
			log.debug("Activity: purged {} events older than {}", deleted, settings.retention());
		}
		catch (RuntimeException ex) {
			log.warn("Activity: purge failed, will retry: {}", ex.getMessage());
		}
	}

}
