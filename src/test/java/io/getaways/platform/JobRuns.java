package io.getaways.platform;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.ApplicationContext;

/**
 * Runs of one scheduled method in one application, as Spring's scheduled-task
 * observations count them: a run that ShedLock turns away still counts as a finished run,
 * since the lock is taken inside the scheduled invocation.
 */
final class JobRuns {

	private JobRuns() {
	}

	static long finished(ApplicationContext application, String method) {
		return application.getBean(MeterRegistry.class)
			.find("tasks.scheduled.execution")
			.tag("code.function", method)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	static int running(ApplicationContext application, String method) {
		return application.getBean(MeterRegistry.class)
			.find("tasks.scheduled.execution.active")
			.tag("code.function", method)
			.longTaskTimers()
			.stream()
			.mapToInt(LongTaskTimer::activeTasks)
			.sum();
	}

}
