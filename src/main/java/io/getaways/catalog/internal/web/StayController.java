package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.StayDetails;
import io.getaways.catalog.internal.StayNotFoundException;
import io.getaways.catalog.internal.StayQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of stays. Dates are calendar days; "today" is the UTC day. */
@RestController
@RequestMapping("/api/v1/stays")
@Tag(name = "Stays", description = "Browse and search stays, exclusive rentals by date range, and their availability")
class StayController {

	static final int MAX_NIGHTS = 365;

	private final Listings catalog;

	private final StayWindows windows;

	private final CatalogActivity activity;

	StayController(Listings catalog, StayWindows windows, CatalogActivity activity) {
		this.catalog = catalog;
		this.windows = windows;
		this.activity = activity;
	}

	@GetMapping
	@Operation(summary = "Search active stays",
			description = "Paged; every filter optional; checkIn and checkOut together keep the stays free for every "
					+ "night of [checkIn, checkOut). Ordered by the chosen sort, then stay code, so pages are stable.")
	StayPageResponse search(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(required = false) @Size(max = 80) String country,
			@RequestParam(required = false) @Size(max = 80) String city,
			@RequestParam(required = false) @Min(1) @Max(50) Integer guests,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkIn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkOut,
			@RequestParam(required = false) @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal minPrice,
			@RequestParam(required = false) @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal maxPrice,
			@RequestParam(defaultValue = "name") @Pattern(regexp = "name|price|rating",
					message = "must be one of name, price, rating") String sort,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(StayQuery.MAX_SIZE) int size) {
		LocalDate today = windows.today();
		new InvalidParameters().reject(checkIn != null && checkOut == null, "checkOut", "is required with checkIn")
			.reject(checkOut != null && checkIn == null, "checkIn", "is required with checkOut")
			.reject(checkIn != null && checkIn.isBefore(today), "checkIn", "must not be in the past (UTC)")
			.reject(checkIn != null && checkOut != null && !checkOut.isAfter(checkIn), "checkOut",
					"must be after checkIn")
			.reject(checkIn != null && checkOut != null && ChronoUnit.DAYS.between(checkIn, checkOut) > MAX_NIGHTS,
					"checkOut", "must be at most " + MAX_NIGHTS + " nights after checkIn")
			.reject(minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0, "minPrice",
					"must not be greater than maxPrice")
			.throwIfAny();
		StayQuery query = StayQuery.active()
			.withText(RouteParams.text(q))
			.withPlace(RouteParams.text(country), RouteParams.text(city))
			.withGuests(guests)
			.withDates(checkIn, checkOut)
			.withPrice(minPrice, maxPrice)
			.sortedBy(RouteParams.sort(StayQuery.Sort.class, sort))
			.onPage(page, size);
		StayPageResponse found = StayPageResponse.of(catalog.searchStays(query));
		activity.searchedStays(query);
		return found;
	}

	@GetMapping("/{code}")
	@Operation(summary = "One active stay: facts, content, rating, and the nights taken in a window",
			description = "The window is [from, to), by default today (UTC) and the following days as configured "
					+ "(90 unless changed), at most 366 days. Occupied ranges say when, never who. contentAvailable "
					+ "is false, and content null, while the content cannot be read. An inactive stay is not found.")
	StayResponse find(@PathVariable @ListingCode String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		StayWindows.Window window = windows.window(from, to);
		String normalized = RouteParams.code(code);
		StayDetails details = catalog.findStay(normalized)
			.filter(found -> found.stay().status() == ListingStatus.ACTIVE)
			.orElseThrow(() -> new StayNotFoundException(normalized));
		StayResponse found = StayResponse.of(details, windows.availability(normalized, window));
		activity.viewedStay(normalized);
		return found;
	}

}
