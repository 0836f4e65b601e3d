package io.getaways.notification.internal;

import java.time.Instant;
import java.util.UUID;

import io.getaways.identity.Preferences;
import io.getaways.notification.Notification;
import io.getaways.notification.NotificationSender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued notifications. Each is claimed by one conditional update before it is
 * sent, so instances running side by side never send the same one; a claim left by an
 * instance that stopped mid-send is taken over after
 * {@code getaways.notifications.claim-timeout}, the one case in which a notification may
 * go out twice. A traveller who turned booking e-mails off in their preferences gets
 * nothing sent: the notification is marked {@code WITHHELD} and stays in their inbox.
 */
@Component
class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	private final NotificationStore store;

	private final NotificationSender sender;

	private final NotificationSettings settings;

	private final String instance = UUID.randomUUID().toString();

	private final Counter sent;

	private final Counter failed;

	private final Counter withheld;

	private final Preferences preferences;

	private volatile boolean storeFailing;

	private volatile boolean prepared;

	Notifier(NotificationStore store, BeanFactory beans, NotificationSettings settings, MeterRegistry registry,
			Preferences preferences) {
		this.store = store;
		this.preferences = preferences;
		this.sender = beans.getBean(settings.sender(), NotificationSender.class);
		this.settings = settings;
		this.sent = Counter.builder("getaways.notifications").tag("outcome", "sent").register(registry);
		this.failed = Counter.builder("getaways.notifications").tag("outcome", "failed").register(registry);
		this.withheld = Counter.builder("getaways.notifications").tag("outcome", "withheld").register(registry);
		log.info("Notifications: sender '{}' ({})", settings.sender(), sender.getClass().getSimpleName());
	}

	@Scheduled(fixedDelayString = "${getaways.notifications.interval:2s}")
	void sendDue() {
		try {
			prepare();
			Instant now = Instant.now();
			Instant abandonedBefore = now.minus(settings.claimTimeout());
			for (String id : store.due(now, settings.batchSize())) {
				store.claim(id, instance, now, abandonedBefore).ifPresent(this::send);
			}
			if (storeFailing) {
				log.info("Notifications: MongoDB answers again");
				storeFailing = false;
			}
		}
		catch (RuntimeException ex) {
			if (!storeFailing) {
				log.warn("Notifications: cannot reach MongoDB, queued notifications wait: {}", ex.getMessage());
				storeFailing = true;
			}
		}
	}

	private void prepare() {
		if (!prepared) {
			int unfinished = store.prepare();
			log.info("Notifications: {} unfinished notification(s) in the queue", unfinished);
			prepared = true;
		}
	}

	/**
	 * Whether the traveller wants this kind sent; every kind so far is about a booking.
	 * An unreadable preference is a failed attempt, retried: sending to someone who
	 * turned booking e-mails off is the worse mistake.
	 */
	private boolean wanted(Notification notification) {
		UUID user;
		try {
			user = UUID.fromString(notification.userId());
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
		return preferences.of(user).bookingEmails();
	}

	private void send(NotificationStore.Claim claim) {
		Notification notification = claim.notification();
		try {
			if (!wanted(notification)) {
				if (store.markWithheld(claim)) {
					withheld.increment();
				}
				return;
			}
			sender.send(notification);
		}
		catch (RuntimeException ex) {
			boolean last = claim.attempts() >= settings.maxAttempts();
			store.markFailed(claim, String.valueOf(ex.getMessage()), last,
					Instant.now().plus(settings.retryDelay().multipliedBy(claim.attempts())));
			failed.increment();
			log.warn("Notifications: {} failed (attempt {} of {}): {}", notification.id(), claim.attempts(),
					settings.maxAttempts(), ex.getMessage());
			return;
		}
		if (store.markSent(claim)) {
			sent.increment();
		}
	}

}
