package io.getaways.travlr;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.Trip;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripDraft;
import io.getaways.catalog.TripNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The classic Travlr Getaways trip routes, unchanged, so existing Travlr clients work
 * against Getaways.
 */
@RestController
@RequestMapping("/api/trips")
@Tag(name = "Travlr compatibility", description = "The Travlr Getaways API, as its clients expect it")
class TravlrTripController {

	private final Catalog catalog;

	private final TravlrActivity activity;

	private final boolean tripAsArray;

	private final int defaultCapacity;

	private volatile MappedList lastList;

	TravlrTripController(Catalog catalog, TravlrActivity activity,
			@Value("${getaways.travlr.trip-as-array:false}") boolean tripAsArray,
			@Value("${getaways.travlr.default-capacity:20}") int defaultCapacity) {
		this.catalog = catalog;
		this.activity = activity;
		this.tripAsArray = tripAsArray;
		this.defaultCapacity = defaultCapacity;
	}

	@GetMapping
	@Operation(summary = "Every active trip")
	List<TravlrTrip> trips() {
		List<TravlrTrip> trips = travlrList(catalog.listTrips());
		activity.listedTrips();
		return trips;
	}

	/**
	 * The catalog's cache answers the same list instance while its entry is unchanged,
	 * and then so does this: mapping every trip again on each request cost as much as
	 * reading the list. Any other list, a changed one, is mapped afresh.
	 */
	private List<TravlrTrip> travlrList(List<TripDetails> active) {
		MappedList last = lastList;
		if (last == null || last.source() != active) {
			last = new MappedList(active, active.stream().map(TravlrTripMapper::toTravlr).toList());
			lastList = last;
		}
		return last.travlr();
	}

	/**
	 * Some copies of the course code answer with a one-element array;
	 * {@code ?shape=array} or the setting {@code getaways.travlr.trip-as-array} selects
	 * that variant.
	 */
	@GetMapping("/{tripCode}")
	@Operation(summary = "One trip by code; 404 {\"message\":\"Trip not found\"} when absent")
	Object trip(@PathVariable String tripCode, @RequestParam(required = false) String shape) {
		String code = tripCode.toUpperCase(Locale.ROOT);
		TravlrTrip trip = catalog.findTrip(code)
			.map(TravlrTripMapper::toTravlr)
			.orElseThrow(() -> new TripNotFoundException(code));
		activity.viewedTrip(code);
		boolean asArray = shape == null ? tripAsArray : shape.equalsIgnoreCase("array");
		return asArray ? List.of(trip) : trip;
	}

	private record MappedList(List<TripDetails> source, List<TravlrTrip> travlr) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a trip (admin token); 400 {\"message\",\"error\"} names a bad field")
	TravlrTrip create(@RequestBody(required = false) Map<String, Object> body) {
		TripDraft draft = TravlrTripMapper.toDraft(body, defaultCapacity, "USD");
		return TravlrTripMapper.toTravlr(catalog.createTrip(draft));
	}

	@PutMapping("/{tripCode}")
	@Operation(summary = "Replace a trip (admin token); 404 {\"message\":\"Trip not found\"} when absent")
	TravlrTrip replace(@PathVariable String tripCode, @RequestBody(required = false) Map<String, Object> body) {
		String code = tripCode.toUpperCase(Locale.ROOT);
		Trip current = catalog.findTrip(code).orElseThrow(() -> new TripNotFoundException(code)).trip();
		Map<String, Object> replacement = new HashMap<>(body == null ? Map.of() : body);
		replacement.put("code", code);
		TripDraft draft = TravlrTripMapper.toDraft(replacement, current.capacity(), current.currency());
		return TravlrTripMapper.toTravlr(catalog.replaceTrip(draft));
	}

}
