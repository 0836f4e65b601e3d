package io.getaways.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import io.getaways.booking.BookingConfirmed;
import io.getaways.booking.Bookings;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.identity.Preferences;
import io.getaways.identity.TravellerPreferences;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.StoreMetrics;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification module alone, with the platform it stands on (data sources, outbox,
 * embedded servers) and none of the modules around it: a BookingConfirmed, as the booking
 * module publishes it, becomes a queued notification in MongoDB that the notifier sends.
 * The booking module itself is not started; only its event type is used. Nor is the
 * identity module: its one API the notifier uses, {@link Preferences}, stands in as a
 * traveller who never saved any (booking emails on).
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
class BookingNotificationScenarioIT {

	@TestConfiguration
	static class NoSavedPreferences {

		@Bean
		Preferences preferences() {
			return userId -> TravellerPreferences.DEFAULTS;
		}

	}

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	@Test
	void onlyTheNotificationModuleAndThePlatformAreStarted() {
		assertThat(context.getBeanNamesForType(Bookings.class)).as("booking").isEmpty();
		assertThat(context.getBeanNamesForType(Catalog.class)).as("catalog").isEmpty();
		assertThat(context.getBeanNamesForType(Identity.class)).as("identity").isEmpty();
		assertThat(context.getBeanNamesForType(StoreMetrics.class)).as("platform").hasSize(1);
	}

	@Test
	void aConfirmedBookingIsNotifiedToItsTraveller(Scenario scenario) {
		UUID booking = UUID.randomUUID();
		UUID traveller = UUID.randomUUID();
		BookingConfirmed confirmed = new BookingConfirmed(booking, traveller, "GALR210214", null,
				new BigDecimal("99.50"), "USD", UUID.randomUUID());

		// the booking module publishes inside a command's transaction, which needs an
		// actor; a job stands in for it
		ActorContext.runAs(Actor.job("notification-scenario"),
				() -> scenario.publish(confirmed)
					.andWaitAtMost(DELIVERY)
					.andWaitForStateChange(() -> notification(booking),
							sent -> sent != null && "SENT".equals(sent.getString("status")))
					.andVerify(sent -> {
						assertThat(sent.getString("userId")).isEqualTo(traveller.toString());
						assertThat(sent.getString("kind")).isEqualTo(NotificationKind.BOOKING_CONFIRMED.name());
						assertThat(sent.getInteger("attempts")).isEqualTo(1);
						Document facts = sent.get("facts", Document.class);
						assertThat(facts.getString("bookingId")).isEqualTo(booking.toString());
						assertThat(facts.getString("tripCode")).isEqualTo("GALR210214");
						assertThat(facts.getString("amount")).isEqualTo("99.50");
						assertThat(facts.getString("currency")).isEqualTo("USD");
						assertThat(facts).doesNotContainKey("stayCode");
					}));
	}

	private Document notification(UUID booking) {
		return mongo.findById("booking-confirmed:" + booking, Document.class, "notifications");
	}

}
