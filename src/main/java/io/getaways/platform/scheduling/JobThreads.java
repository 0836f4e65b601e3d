package io.getaways.platform.scheduling;

import io.getaways.platform.ActorContext;
import io.getaways.platform.Workload;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * The scheduler's threads and the task executor's (outbox listeners, after commit) exist
 * for background work: what they run takes its connections from the jobs pool unless its
 * actor or an entered workload says otherwise. Boot hands the one TaskDecorator bean to
 * both the scheduler and the executor.
 */
@Configuration(proxyBeanMethods = false)
class JobThreads {

	@Bean
	TaskDecorator jobsWorkload() {
		return work -> () -> {
			try (ActorContext.Scope scope = Workload.JOBS.enterAsThreadDefault()) {
				work.run();
			}
		};
	}

}
