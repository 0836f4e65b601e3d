package io.getaways.platform.scheduling;

import io.getaways.platform.Workload;
import io.getaways.platform.db.WorkloadPools;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs annotated with {@code @SchedulerLock} run on one instance at a time: the
 * lock is a row in {@code system.shedlock}, timed by the database clock so that instances
 * with skewed clocks agree. A crashed holder's lock lapses after the job's
 * {@code lockAtMostFor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLockConfiguration {

	@Bean
	LockProvider lockProvider(WorkloadPools pools) {
		// taken before the job names its actor: straight from the jobs pool
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(pools.pool(Workload.JOBS)))
			.withTableName("system.shedlock")
			.usingDbTime()
			.build());
	}

}
