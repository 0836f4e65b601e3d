package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.getaways.audit.Activity;
import io.getaways.audit.ActivityKind;
import io.getaways.catalog.ListingViewed;
import io.getaways.catalog.internal.StayQuery;
import io.getaways.catalog.internal.TripQuery;
import io.getaways.platform.ActorContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What signed-in travellers read in the public catalog, for their activity stream.
 * Controllers call it only after an answer was found. An anonymous read costs one
 * thread-local lookup: the user is checked before any details are built, since
 * {@link Activity} records nothing for anonymous callers anyway. Every read of a trip or
 * stay page, anonymous or not, is also published as {@link ListingViewed} for analytics,
 * whose listener only queues it.
 */
@Component
class CatalogActivity {

	private final Activity activity;

	private final ApplicationEventPublisher events;

	CatalogActivity(Activity activity, ApplicationEventPublisher events) {
		this.activity = activity;
		this.events = events;
	}

	void viewedTrip(String code) {
		events.publishEvent(new ListingViewed("trip", code, ActorContext.current().userId(), Instant.now()));
		viewed("tripCode", code);
	}

	void viewedStay(String code) {
		events.publishEvent(new ListingViewed("stay", code, ActorContext.current().userId(), Instant.now()));
		viewed("stayCode", code);
	}

	void searchedTrips(TripQuery query) {
		String userId = ActorContext.current().userId();
		if (userId == null) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("catalog", "trips");
		putIfPresent(details, "q", query.text());
		putIfPresent(details, "resort", query.resort());
		putIfPresent(details, "minPrice", plain(query.minPrice()));
		putIfPresent(details, "maxPrice", plain(query.maxPrice()));
		putIfPresent(details, "departFrom", query.departFrom());
		putIfPresent(details, "departTo", query.departTo());
		details.put("sort", query.sort().name().toLowerCase(Locale.ROOT));
		details.put("page", query.page());
		activity.record(userId, ActivityKind.SEARCH, details);
	}

	void searchedStays(StayQuery query) {
		String userId = ActorContext.current().userId();
		if (userId == null) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("catalog", "stays");
		putIfPresent(details, "q", query.text());
		putIfPresent(details, "country", query.country());
		putIfPresent(details, "city", query.city());
		putIfPresent(details, "guests", query.guests());
		putIfPresent(details, "checkIn", query.checkIn());
		putIfPresent(details, "checkOut", query.checkOut());
		putIfPresent(details, "minPrice", plain(query.minPrice()));
		putIfPresent(details, "maxPrice", plain(query.maxPrice()));
		details.put("sort", query.sort().name().toLowerCase(Locale.ROOT));
		details.put("page", query.page());
		activity.record(userId, ActivityKind.SEARCH, details);
	}

	private void viewed(String codeName, String code) {
		String userId = ActorContext.current().userId();
		if (userId != null) {
			activity.record(userId, ActivityKind.VIEW, Map.of(codeName, code));
		}
	}

	/**
	 * Dates and amounts as text, so MongoDB keeps exactly what was asked, not a converted
	 * instant or double.
	 */
	private static void putIfPresent(Map<String, Object> details, String name, Object value) {
		if (value != null) {
			details.put(name, value instanceof Integer ? value : value.toString());
		}
	}

	private static String plain(BigDecimal amount) {
		return amount == null ? null : amount.toPlainString();
	}

}
