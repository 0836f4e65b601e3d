package io.getaways.catalog.internal;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.NotAllowedException;

/**
 * Checked by every catalog write as well as on the routes, so no caller reaches one
 * without the right role.
 */
final class CatalogWriters {

	private CatalogWriters() {
	}

	static void require() {
		Actor.Role role = ActorContext.current().role();
		if (role != Actor.Role.ADMIN && role != Actor.Role.JOBS) {
			throw new NotAllowedException("Changing the catalog needs the admin role");
		}
	}

}
