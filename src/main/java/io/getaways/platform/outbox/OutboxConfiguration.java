package io.getaways.platform.outbox;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.CompletionMode;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxSettings.class)
class OutboxConfiguration {

	@Bean
	CompletionMarks completionMarks(DataSource dataSource, PlatformTransactionManager transactionManager,
			OutboxSettings settings, MeterRegistry meters) {
		return new CompletionMarks(new JdbcTemplate(dataSource), transactionManager, settings.marksQueueCapacity(),
				meters);
	}

	/**
	 * Where the marks are queued, the registry calls them outside its own transactions
	 * ({@link MarksOutsideTransactions}, first in the registry's advice chain). Done once
	 * every singleton exists, since the registry must already be the transactional proxy.
	 */
	@Bean
	static SmartInitializingSingleton marksOutsideTransactions(ObjectProvider<EventPublicationRegistry> registry,
			Environment environment) {
		return () -> {
			if (CompletionMode.from(environment) != CompletionMode.UPDATE) {
				return;
			}
			if (!(registry.getObject() instanceof Advised advised) || advised.isFrozen()) {
				throw new IllegalStateException(
						"Outbox: the event publication registry is not an open proxy; cannot move marks out of its transactions");
			}
			advised.addAdvice(0, new MarksOutsideTransactions());
		};
	}

	/**
	 * Each event serialized once for all its listeners' rows, by a mapper resolved once;
	 * takes the place of Modulith's Jackson serializer, which backs off when one is
	 * defined.
	 */
	@Bean
	EventSerializer eventSerializer(JsonMapper mapper) {
		return new SerializedOnce(new JsonEventSerializer(mapper));
	}

	/**
	 * Hands Modulith's repository to the batching writer. Only where completed
	 * publications are updated in place: the delete and archive modes move rows, which
	 * the writer's one UPDATE does not do.
	 */
	@Bean
	static BeanPostProcessor batchedOutboxMarks(ObjectProvider<CompletionMarks> marks, Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof EventPublicationRepository repository && !(bean instanceof BatchedMarksRepository)
						&& CompletionMode.from(environment) == CompletionMode.UPDATE) {
					return new BatchedMarksRepository(repository, marks.getObject());
				}
				return bean;
			}
		};
	}

}
