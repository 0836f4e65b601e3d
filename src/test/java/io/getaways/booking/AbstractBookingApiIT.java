package io.getaways.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.getaways.support.HttpApi;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What the booking API tests share: the running application's port and context, the
 * booking fixtures and accounts over its HTTP API, and a departure far enough ahead for
 * any booking to be open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractBookingApiIT {

	static final Instant FAR = Instant.now().plus(Duration.ofDays(120)).truncatedTo(ChronoUnit.SECONDS);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestBookingApi fixtures;

	TestAccounts accounts;

	@BeforeAll
	void connect() {
		fixtures = new TestBookingApi(context, new HttpApi(port));
		accounts = fixtures.accounts();
	}

}
