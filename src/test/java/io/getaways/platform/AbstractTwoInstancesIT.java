package io.getaways.platform;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the two-instance tests share: a second instance started beside the test
 * application for the whole class, the notifications either one sends, and the PostgreSQL
 * both use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractTwoInstancesIT {

	static final String NOTIFY = "BookingNotifications.confirmed";

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoTemplate mongo;

	SecondInstance second;

	SentNotifications sent;

	SharedPostgres postgres;

	@BeforeAll
	void startSecondInstance() {
		second = SecondInstance.besides(context.getEnvironment());
		sent = SentNotifications.capture();
		postgres = new SharedPostgres(context);
	}

	@AfterAll
	void stopSecondInstance() {
		if (sent != null) {
			sent.close();
		}
		if (second != null) {
			second.close();
		}
	}

	Duration notifierInterval() {
		return context.getEnvironment().getRequiredProperty("getaways.notifications.interval", Duration.class);
	}

}
