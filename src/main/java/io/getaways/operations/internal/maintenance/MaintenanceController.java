package io.getaways.operations.internal.maintenance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins' maintenance: the report, and a run now. */
@RestController
@RequestMapping("/api/v1/admin/maintenance")
@Tag(name = "Maintenance", description = "Partitions, report views, ANALYZE, and what an operator should look at")
class MaintenanceController {

	private static final Logger log = LoggerFactory.getLogger(MaintenanceController.class);

	private final MaintenanceRunner runner;

	private final MaintenanceReporter reporter;

	MaintenanceController(MaintenanceRunner runner, MaintenanceReporter reporter) {
		this.runner = runner;
		this.reporter = reporter;
	}

	@GetMapping
	@Operation(summary = "What an operator should look at: dead tuples, unused and duplicate indexes, "
			+ "slowest statements, sequences near their limit, rows in default partitions")
	MaintenanceReport report() {
		return reporter.report();
	}

	@PostMapping
	@Operation(summary = "Run maintenance now and answer with each task's outcome and the report",
			description = "Synchronous: the answer comes when the run is done; one run at a time per instance.")
	MaintenanceRun run() {
		return runner.run(line -> log.info("Maintenance (on demand): {}", line));
	}

}
