package io.getaways.identity;

/**
 * The settings a traveller chose on the preferences page (or through
 * {@code /api/v1/me/preferences}) that other modules act on. A traveller who never saved
 * any gets {@link #DEFAULTS}.
 *
 * @param homePlace home airport or city as typed, empty when none
 * @param searchFor {@code trip} or {@code stay}: what the home page searches first
 * @param bookingEmails whether booking confirmations and cancellations are sent (the
 * inbox keeps them either way)
 * @param offers whether the traveller wants offers; kept for an offers mail that does not
 * exist yet
 */
public record TravellerPreferences(String homePlace, String searchFor, boolean bookingEmails, boolean offers) {

	public static final TravellerPreferences DEFAULTS = new TravellerPreferences("", "trip", true, false);

	public boolean prefersStays() {
		return "stay".equals(searchFor);
	}

}
