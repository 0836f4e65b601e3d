package io.getaways.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.StayContent;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.StayDraft;
import io.getaways.catalog.TripDraft;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.TestTrips;

/**
 * Trips and stays written through the catalog for search tests: every place carries the
 * test's token, so a search for it finds this test's listings and no other.
 */
public final class SearchFixtures {

	private final Listings catalog;

	private final String token;

	public SearchFixtures(Listings catalog, String token) {
		this.catalog = catalog;
		this.token = token;
	}

	public String trip(String name, String description, String price, String departsAt) {
		String code = TestTrips.code();
		TripContent content = new TripContent(1, description, null, List.of(), List.of("Welcome drink"), List.of(),
				Map.of());
		ActorContext.runAs(Actor.job("test"), () -> catalog.createTrip(new TripDraft(code, name, token + " Resort",
				Instant.parse(departsAt), 5, new BigDecimal(price), "USD", 20, content)));
		return code;
	}

	public String stay(String name, String city, String country, String description, String price) {
		String code = "S" + TestTrips.token(11);
		StayContent content = new StayContent(1, description, null, List.of(), List.of("Pool"), List.of(), Map.of());
		ActorContext.runAs(Actor.job("test"), () -> catalog.createStay(
				new StayDraft(code, name + " " + token, country, city, new BigDecimal(price), "EUR", 4, content)));
		return code;
	}

	public void replaceTripText(String code, String name, String description, String departsAt, String price) {
		TripContent content = new TripContent(1, description, null, List.of(), List.of(), List.of(), Map.of());
		ActorContext.runAs(Actor.job("test"), () -> catalog.replaceTrip(new TripDraft(code, name, token + " Resort",
				Instant.parse(departsAt), 5, new BigDecimal(price), "USD", 20, content)));
	}

}
