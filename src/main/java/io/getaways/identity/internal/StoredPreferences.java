package io.getaways.identity.internal;

import java.util.Map;
import java.util.UUID;

import io.getaways.identity.Preferences;
import io.getaways.identity.TravellerPreferences;
import org.springframework.stereotype.Component;

/**
 * The preferences document read as the page writes it; keys written otherwise through the
 * API (a string where a flag belongs) count as not set.
 */
@Component
class StoredPreferences implements Preferences {

	private final PreferencesStore store;

	StoredPreferences(PreferencesStore store) {
		this.store = store;
	}

	@Override
	public TravellerPreferences of(UUID userId) {
		return from(store.find(userId));
	}

	static TravellerPreferences from(Map<String, Object> document) {
		TravellerPreferences defaults = TravellerPreferences.DEFAULTS;
		return new TravellerPreferences(
				document.get("homeAirport") instanceof String place ? place.strip() : defaults.homePlace(),
				"stay".equals(document.get("searchFor")) ? "stay" : "trip",
				document.get("bookingEmails") instanceof Boolean on ? on : defaults.bookingEmails(),
				document.get("offers") instanceof Boolean on ? on : defaults.offers());
	}

}
