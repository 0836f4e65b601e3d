package io.getaways.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Counts what the shipped notification sender sends, per notification id, across every
 * application of the test JVM: its one log line per send is the only trace a send leaves.
 * Attach after the last application has started, since starting one resets the logging
 * configuration.
 */
final class SentNotifications extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private static final String SENDER = "io.getaways.notification.internal.LoggingNotificationSender";

	private final Map<String, Integer> sends = new ConcurrentHashMap<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(SENDER);

	static SentNotifications capture() {
		SentNotifications sent = new SentNotifications();
		sent.setName("two-instances-sent-notifications");
		sent.setContext(sent.logger.getLoggerContext());
		sent.start();
		sent.logger.addAppender(sent);
		return sent;
	}

	/** How often the notification went out. */
	int count(String notificationId) {
		return sends.getOrDefault(notificationId, 0);
	}

	@Override
	protected void append(ILoggingEvent event) {
		Object[] arguments = event.getArgumentArray();
		if (arguments != null && arguments.length > 0) {
			sends.merge(String.valueOf(arguments[0]), 1, Integer::sum);
		}
	}

	@Override
	public void close() {
		logger.detachAppender(this);
		stop();
	}

}
