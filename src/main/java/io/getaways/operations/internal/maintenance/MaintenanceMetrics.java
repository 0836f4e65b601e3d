package io.getaways.operations.internal.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * For each maintenance task: when it last ran, how long it took, and whether it
 * succeeded; NaN until it has run on this instance.
 */
class MaintenanceMetrics {

	private final MeterRegistry registry;

	private final Map<String, double[]> tasks = new ConcurrentHashMap<>();

	MaintenanceMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (String task : MaintenanceRunner.TASKS) {
			state(task);
		}
	}

	void ran(String task, Instant at, Duration took, boolean succeeded) {
		double[] state = state(task);
		state[0] = at.toEpochMilli() / 1000.0;
		state[1] = took.toNanos() / 1e9;
		state[2] = succeeded ? 1 : 0;
	}

	private double[] state(String task) {
		return tasks.computeIfAbsent(task, name -> {
			double[] state = { Double.NaN, Double.NaN, Double.NaN };
			Gauge.builder("getaways.maintenance.task.last.run.timestamp", state, s -> s[0])
				.description("When the maintenance task last ran")
				.baseUnit("seconds")
				.tag("task", name)
				.register(registry);
			Gauge.builder("getaways.maintenance.task.last.duration", state, s -> s[1])
				.description("How long the maintenance task's last run took")
				.baseUnit("seconds")
				.tag("task", name)
				.register(registry);
			Gauge.builder("getaways.maintenance.task.last.success", state, s -> s[2])
				.description("1 when the maintenance task's last run succeeded, 0 when it failed")
				.tag("task", name)
				.register(registry);
			return state;
		});
	}

}
