package io.getaways.catalog.internal.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One line on start, after the demo catalog is loaded, naming what can be booked now and
 * where the commands to book it are.
 */
@Component
@ConditionalOnBooleanProperty("getaways.demo-data.enabled")
@Order(Ordered.LOWEST_PRECEDENCE)
class FirstBookingAnnouncement implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstBookingAnnouncement.class);

	private final FirstBooking firstBooking;

	private final Environment environment;

	FirstBookingAnnouncement(FirstBooking firstBooking, Environment environment) {
		this.firstBooking = firstBooking;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			String root = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/";
			log.info("Demo catalog: bookable now: {}; GET {} for the commands that register and book one",
					firstBooking.suggest().summary(), root);
		}
		catch (RuntimeException ex) {
			// a guide for newcomers never stops the service
			log.warn("Demo catalog: could not list bookable listings: {}", ex.getMessage());
		}
	}

}
