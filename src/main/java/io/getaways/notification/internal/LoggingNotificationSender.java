package io.getaways.notification.internal;

import io.getaways.notification.Notification;
import io.getaways.notification.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shipped sender: one log line per notification, which is what a development machine
 * wants.
 */
@Component("logging")
class LoggingNotificationSender implements NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

	@Override
	public void send(Notification notification) {
		log.info("Notification {} to user {}: {} {}", notification.id(), notification.userId(), notification.kind(),
				notification.facts());
	}

}
