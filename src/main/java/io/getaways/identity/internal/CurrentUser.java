package io.getaways.identity.internal;

import java.util.UUID;

import io.getaways.identity.InvalidTokenException;
import io.getaways.platform.ActorContext;

/**
 * The signed-in user of this request, as the authentication filter handed it to the actor
 * context.
 */
final class CurrentUser {

	private CurrentUser() {
	}

	static UUID id() {
		String id = ActorContext.current().userId();
		if (id == null) {
			throw new InvalidTokenException("This endpoint needs a signed-in user");
		}
		return UUID.fromString(id);
	}

}
