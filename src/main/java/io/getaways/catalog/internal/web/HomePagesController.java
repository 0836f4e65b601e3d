package io.getaways.catalog.internal.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.Trip;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.Stay;
import io.getaways.catalog.internal.StayOccupancy;
import io.getaways.catalog.internal.StayPage;
import io.getaways.catalog.internal.StayQuery;
import io.getaways.catalog.internal.TripPage;
import io.getaways.catalog.internal.TripQuery;
import io.getaways.identity.TravellerPreferences;
import io.getaways.platform.web.BrowserPage;
import io.getaways.platform.web.RenderedFragments;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The traveller's home page: one search over trips or stays with price, date and order
 * filters. It reads through the same catalog searches as {@code /api/v1/trips} and
 * {@code /api/v1/stays}, whose {@code q} matches through the full-text index. Results
 * come 20 a page ({@code page}, from 1), by the catalog's offset paging; a signed-in
 * traveller who opens the page without a search starts from their preferences
 * ({@link HomeDefaults}).
 */
@Controller
@BrowserPage
@Hidden
class HomePagesController {

	static final int PAGE_SIZE = 20;

	/**
	 * The result cards: the same for every visitor, so rendered once per distinct list.
	 */
	private static final String CARDS = "catalog/home-results";

	/** The nights a stay's result counts as "coming" when no dates were asked for. */
	static final int COMING_NIGHTS = 30;

	private final Listings catalog;

	private final StayWindows windows;

	private final CatalogActivity activity;

	private final HomeDefaults defaults;

	private final RenderedFragments fragments;

	HomePagesController(Listings catalog, StayWindows windows, CatalogActivity activity, HomeDefaults defaults,
			RenderedFragments fragments) {
		this.catalog = catalog;
		this.windows = windows;
		this.activity = activity;
		this.defaults = defaults;
		this.fragments = fragments;
	}

	/** {@code GET /} for browsers; other clients get the JSON welcome. */
	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String home(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String minPrice,
			@RequestParam(required = false) String maxPrice, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		String place = null;
		if (q == null && kind == null && sort == null && minPrice == null && maxPrice == null && from == null
				&& to == null && page == null) {
			TravellerPreferences preferences = defaults.forSignedInTraveller();
			kind = preferences.searchFor();
			place = preferences.homePlace();
		}
		HomeSearch search = new HomeSearch(q, kind, sort, minPrice, maxPrice, from, to, windows.today());
		ResultPages pages = ResultPages.asked(page);
		model.addAttribute("q", search.q());
		model.addAttribute("place", place == null ? search.q() : place);
		model.addAttribute("kind", search.kind());
		model.addAttribute("sort", search.sort());
		model.addAttribute("minPrice", search.minPrice());
		model.addAttribute("maxPrice", search.maxPrice());
		model.addAttribute("from", search.from());
		model.addAttribute("to", search.to());
		model.addAttribute("errors", search.errors());
		model.addAttribute("trips", List.of());
		model.addAttribute("stays", List.of());
		model.addAttribute("tripCards", "");
		model.addAttribute("stayCards", "");
		if (!search.valid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "catalog/home";
		}
		if (search.isStays()) {
			StayQuery query = search.stays(pages.index(), PAGE_SIZE);
			StayPage found = catalog.searchStays(query);
			List<StayResult> stays = found.items().stream().map(stay -> result(stay, search)).toList();
			model.addAttribute("stays", stays);
			model.addAttribute("stayCards",
					fragments.render(CARDS, "stays", Map.of("stays", stays), request, response));
			model.addAttribute("nights", search.nights());
			model.addAttribute("pages", pages.of(found.totalItems(), PAGE_SIZE, search.links()));
			activity.searchedStays(query);
		}
		else {
			TripQuery query = search.trips(pages.index(), PAGE_SIZE);
			TripPage found = catalog.search(query);
			model.addAttribute("trips", found.items());
			model.addAttribute("tripCards",
					fragments.render(CARDS, "trips", Map.of("trips", found.items()), request, response));
			model.addAttribute("pages", pages.of(found.totalItems(), PAGE_SIZE, search.links()));
			activity.searchedTrips(query);
		}
		return "catalog/home";
	}

	private StayResult result(Stay stay, HomeSearch search) {
		if (search.hasDates()) {
			long nights = search.nights();
			return new StayResult(stay, "Free for your " + nights + (nights == 1 ? " night" : " nights"),
					"/stays/" + stay.code() + "?checkIn=" + search.fromDate() + "&checkOut=" + search.toDate());
		}
		LocalDate today = windows.today();
		LocalDate end = today.plusDays(COMING_NIGHTS);
		long taken = 0;
		for (StayOccupancy range : catalog.stayOccupancy(stay.code(), today, end)) {
			LocalDate first = range.checkIn().isBefore(today) ? today : range.checkIn();
			LocalDate last = range.checkOut().isAfter(end) ? end : range.checkOut();
			taken += Math.max(0, ChronoUnit.DAYS.between(first, last));
		}
		return new StayResult(stay, (COMING_NIGHTS - taken) + " of the next " + COMING_NIGHTS + " nights free",
				"/stays/" + stay.code());
	}

}
