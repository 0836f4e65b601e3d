package io.getaways.catalog.internal.web;

import java.util.UUID;

import io.getaways.identity.Preferences;
import io.getaways.identity.TravellerPreferences;
import io.getaways.platform.web.BrowserSessions;
import io.getaways.platform.web.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Where the home page starts for a signed-in traveller who has not searched yet: trips or
 * stays as they prefer, and their home place in the search box. Visitors cost nothing (no
 * session, no read); an unreachable preferences store gives the plain home page, never an
 * error.
 */
@Component
class HomeDefaults {

	private static final Logger log = LoggerFactory.getLogger(HomeDefaults.class);

	private final Preferences preferences;

	HomeDefaults(Preferences preferences) {
		this.preferences = preferences;
	}

	TravellerPreferences forSignedInTraveller() {
		SignedInUser user = BrowserSessions.currentUser();
		if (user == null) {
			return TravellerPreferences.DEFAULTS;
		}
		try {
			return preferences.of(UUID.fromString(user.userId()));
		}
		catch (DataAccessException ex) {
			log.debug("Home page: preferences of {} unreadable, plain defaults: {}", user.userId(), ex.getMessage());
			return TravellerPreferences.DEFAULTS;
		}
	}

}
