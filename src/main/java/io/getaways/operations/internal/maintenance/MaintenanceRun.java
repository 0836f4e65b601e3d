package io.getaways.operations.internal.maintenance;

import java.util.List;

/** The outcome of each task of one run, and the report taken after them. */
record MaintenanceRun(List<Task> tasks, MaintenanceReport report) {

	boolean succeeded() {
		return tasks.stream().allMatch(Task::succeeded);
	}

	record Task(String name, boolean succeeded, long durationMs, String detail) {
	}

}
