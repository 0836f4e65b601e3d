package io.getaways.identity.internal;

import java.util.UUID;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;

/**
 * Who the audit log names when accounts are administered: a signed-in admin as itself;
 * anyone else (the command line, a bootstrap on first start) as the operating-system user
 * running the tool, acting with admin rights.
 */
final class Operators {

	private Operators() {
	}

	static Actor current(String tool) {
		Actor current = ActorContext.current();
		if (current.role() == Actor.Role.ADMIN) {
			return current;
		}
		return new Actor(Actor.Role.ADMIN, null,
				"operator:" + System.getProperty("user.name", "unknown") + " via " + tool, null, null,
				UUID.randomUUID().toString());
	}

}
