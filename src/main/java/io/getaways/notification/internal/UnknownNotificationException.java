package io.getaways.notification.internal;

import io.getaways.platform.DomainException;

/**
 * No notification of the caller has this id: it does not exist, or it is someone else's.
 */
class UnknownNotificationException extends DomainException {

	UnknownNotificationException(String id) {
		super(Kind.NOT_FOUND, "Notification " + id + " not found");
	}

}
