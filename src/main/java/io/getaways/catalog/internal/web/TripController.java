package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.TripNotFoundException;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.TripQuery;
import io.getaways.platform.InvalidParameterException;
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

@RestController
@RequestMapping("/api/v1/trips")
@Tag(name = "Trips", description = "Browse and search the trip catalog")
class TripController {

	private final Listings catalog;

	private final CatalogActivity activity;

	TripController(Listings catalog, CatalogActivity activity) {
		this.catalog = catalog;
		this.activity = activity;
	}

	@GetMapping
	@Operation(summary = "Search active trips",
			description = "Paged; every filter optional; ordered by the chosen sort, then trip code, so pages are stable.")
	TripPageResponse search(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(required = false) @Size(max = 120) String resort,
			@RequestParam(required = false) @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal minPrice,
			@RequestParam(required = false) @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal maxPrice,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate departFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate departTo,
			@RequestParam(defaultValue = "departure") @Pattern(regexp = "departure|price|name",
					message = "must be one of departure, price, name") String sort,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(TripQuery.MAX_SIZE) int size) {
		if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
			throw new InvalidParameterException("minPrice", "must not be greater than maxPrice");
		}
		if (departFrom != null && departTo != null && departFrom.isAfter(departTo)) {
			throw new InvalidParameterException("departFrom", "must not be after departTo");
		}
		TripQuery query = TripQuery.active()
			.withText(RouteParams.text(q))
			.withResort(RouteParams.text(resort))
			.withPrice(minPrice, maxPrice)
			.withDeparture(departFrom, departTo)
			.sortedBy(RouteParams.sort(TripQuery.Sort.class, sort))
			.onPage(page, size);
		TripPageResponse found = TripPageResponse.of(catalog.search(query));
		activity.searchedTrips(query);
		return found;
	}

	@GetMapping("/{code}")
	@Operation(summary = "One active trip: facts from PostgreSQL with content from MongoDB",
			description = "contentAvailable is false, and content null, while the content cannot be read. "
					+ "An inactive trip is not found.")
	TripResponse find(@PathVariable @ListingCode String code) {
		String normalized = RouteParams.code(code);
		TripResponse found = catalog.findTrip(normalized)
			.filter(details -> details.trip().status() == ListingStatus.ACTIVE)
			.map(TripResponse::of)
			.orElseThrow(() -> new TripNotFoundException(normalized));
		activity.viewedTrip(normalized);
		return found;
	}

}
