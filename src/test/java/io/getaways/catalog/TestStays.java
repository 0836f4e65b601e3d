package io.getaways.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.Stay;
import io.getaways.catalog.internal.StayDetails;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.TestTrips;

/**
 * Stays made for one test, with random codes so that tests, the demo catalog and earlier
 * runs never meet.
 */
public final class TestStays {

	private TestStays() {
	}

	public static String code() {
		return "S" + TestTrips.token(11);
	}

	public static StayDraft draft(String code, String name, String country, String city, String price, int maxGuests) {
		StayContent content = new StayContent(1, "<p>" + name + " in " + city + "</p>", code.toLowerCase() + ".jpg",
				List.of(code.toLowerCase() + ".jpg"), List.of("Pool"), List.of("test"), Map.of("bedrooms", 2));
		return new StayDraft(code, name, country, city, new BigDecimal(price), "EUR", maxGuests, content);
	}

	/**
	 * Runs as a background job, since the anonymous actor's database role may only read.
	 */
	public static StayDetails create(Listings catalog, StayDraft draft) {
		return ActorContext.callAs(Actor.job("test"), () -> catalog.createStay(draft));
	}

	static Stay changeStatus(Listings catalog, String code, ListingStatus status) {
		return ActorContext.callAs(Actor.job("test"), () -> catalog.changeStayStatus(code, status));
	}

}
