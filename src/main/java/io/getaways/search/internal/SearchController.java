package io.getaways.search.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import io.getaways.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Full-text search over trips and stays")
class SearchController {

	private final Searches searches;

	SearchController(Searches searches) {
		this.searches = searches;
	}

	@GetMapping
	@Operation(summary = "Search active trips and stays",
			description = "q is web search syntax: words, \"quoted phrases\", -exclusions, or. Stemmed and "
					+ "accent-insensitive; when it matches nothing, similar names and places are answered instead "
					+ "(fuzzy=true) with a suggestion. Ordered by relevance unless sort says otherwise; pass "
					+ "nextCursor back as cursor for the next page. Facets count all matches.")
	SearchResponse search(@RequestParam(required = false) @Size(max = SearchRequest.MAX_TEXT) String q,
			@RequestParam(required = false) @Pattern(regexp = "trip|stay",
					message = "must be one of trip, stay") String kind,
			@RequestParam(required = false) @Size(max = 80) String country,
			@RequestParam(required = false) @Size(max = 80) String city,
			@RequestParam(required = false) @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal minPrice,
			@RequestParam(required = false) @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal maxPrice,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate departFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate departTo,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate checkIn,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate checkOut,
			@RequestParam(required = false) @Min(1) @Max(50) Integer guests,
			@RequestParam(required = false) @DecimalMin("0") @DecimalMax("5") BigDecimal minRating,
			@RequestParam(defaultValue = "relevance") @Pattern(regexp = "relevance|price|rating|date",
					message = "must be one of relevance, price, rating, date") String sort,
			@RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(SearchRequest.MAX_SIZE) int size) {
		if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
			throw new InvalidParameterException("minPrice", "must not be greater than maxPrice");
		}
		if (departFrom != null && departTo != null && departFrom.isAfter(departTo)) {
			throw new InvalidParameterException("departFrom", "must not be after departTo");
		}
		if ((checkIn == null) != (checkOut == null)) {
			throw new InvalidParameterException(checkIn == null ? "checkIn" : "checkOut",
					"checkIn and checkOut come together");
		}
		if (checkIn != null && !checkOut.isAfter(checkIn)) {
			throw new InvalidParameterException("checkOut", "must be after checkIn");
		}
		if (kind != null && (departFrom != null || departTo != null) && kind.equals("stay")) {
			throw new InvalidParameterException("departFrom", "stays have no departure; leave it out or ask kind=trip");
		}
		if (kind != null && checkIn != null && kind.equals("trip")) {
			throw new InvalidParameterException("checkIn", "trips have no check-in; leave it out or ask kind=stay");
		}
		if (checkIn != null && (departFrom != null || departTo != null)) {
			throw new InvalidParameterException("checkIn", "departure dates (trips) and stay dates exclude each other");
		}
		SearchSort order = SearchSort.valueOf(sort.toUpperCase(Locale.ROOT));
		String departures = departFrom != null || departTo != null ? "trip" : null;
		String stays = checkIn != null ? "stay" : null;
		SearchRequest request = new SearchRequest(text(q),
				kind != null ? kind : departures != null ? departures : stays, text(country), text(city), minPrice,
				maxPrice, departFrom, departTo, checkIn, checkOut, guests, minRating, order,
				Cursor.decode(text(cursor), order), size);
		return SearchResponse.of(searches.search(request));
	}

	/**
	 * Blank is no filter; control characters count as spaces, since PostgreSQL text
	 * cannot hold a NUL.
	 */
	private static String text(String value) {
		String spaced = value == null ? null : value.replaceAll("\\p{Cntrl}", " ");
		return spaced == null || spaced.isBlank() ? null : spaced.strip();
	}

}
