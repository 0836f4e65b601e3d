package io.getaways.notification;

/**
 * Where notifications go: e-mail, SMS, a push service. The shipped sender logs them;
 * another replaces it by being a bean of this type named by
 * {@code getaways.notifications.sender}. A sender that throws gets the notification again
 * later, up to {@code getaways.notifications.max-attempts} times.
 */
public interface NotificationSender {

	void send(Notification notification);

}
