package io.getaways.operations.internal.maintenance;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** The scheduled maintenance run, on one instance at a time (ShedLock). */
class MaintenanceScheduler {

	private static final Logger log = LoggerFactory.getLogger(MaintenanceScheduler.class);

	private final MaintenanceRunner runner;

	MaintenanceScheduler(MaintenanceRunner runner) {
		this.runner = runner;
	}

	@Scheduled(cron = "${getaways.maintenance.schedule:0 45 3 * * *}")
	@SchedulerLock(name = "maintenance", lockAtMostFor = "PT3H")
	void run() {
		MaintenanceRun run = runner.run(line -> log.info("Maintenance: {}", line));
		MaintenanceReport report = run.report();
		log.info(
				"Maintenance: run {}; report: {} tables with many dead tuples, {} unused and {} duplicate indexes, "
						+ "{} sequences near their limit, {} months in default partitions",
				run.succeeded() ? "complete" : "FAILED", report.deadTuples().size(), report.unusedIndexes().size(),
				report.duplicateIndexes().size(), report.sequences().size(), report.defaultPartitionRows().size());
	}

}
