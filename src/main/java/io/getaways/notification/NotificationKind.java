package io.getaways.notification;

public enum NotificationKind {

	BOOKING_CONFIRMED, BOOKING_CANCELLED

}
