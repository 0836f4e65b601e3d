package io.getaways.identity;

import java.util.UUID;

/**
 * Reads a traveller's preferences for the modules that honour them. Preferences live in
 * MongoDB: a caller decides what an unreachable store means for it (the failure is a
 * {@link org.springframework.dao.DataAccessException}).
 */
public interface Preferences {

	TravellerPreferences of(UUID userId);

}
