package io.getaways.catalog.internal.admin;

import java.net.URI;
import java.time.Instant;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripNotFoundException;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.TripQuery;
import io.getaways.catalog.internal.web.InvalidParameters;
import io.getaways.catalog.internal.web.ListingCode;
import io.getaways.catalog.internal.web.RouteParams;
import io.getaways.catalog.internal.web.TripPageResponse;
import io.getaways.catalog.internal.web.TripResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.getaways.catalog.internal.admin.AdminExamples.PROBLEM;
import static io.getaways.catalog.internal.admin.AdminExamples.TRIP_CAPACITY_BELOW_SEATS;
import static io.getaways.catalog.internal.admin.AdminExamples.TRIP_CODE_TAKEN;
import static io.getaways.catalog.internal.admin.AdminExamples.TRIP_INVALID;

@RestController
@RequestMapping("/api/v1/admin/trips")
@PreAuthorize("hasAuthority('catalog:write')")
@Tag(name = "Admin: trips", description = "Create, replace, activate and deactivate trips, inactive ones included")
class AdminTripController {

	private final Listings catalog;

	AdminTripController(Listings catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	@Operation(summary = "Every trip, inactive ones too, paged and filtered like the public search",
			description = "status narrows to ACTIVE or INACTIVE; left out, both.")
	TripPageResponse search(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(required = false) @Pattern(regexp = "ACTIVE|INACTIVE",
					message = "must be ACTIVE or INACTIVE") String status,
			@RequestParam(defaultValue = "departure") @Pattern(regexp = "departure|price|name",
					message = "must be one of departure, price, name") String sort,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(TripQuery.MAX_SIZE) int size) {
		TripQuery query = TripQuery.byStatus(RouteParams.status(status))
			.withText(RouteParams.text(q))
			.sortedBy(RouteParams.sort(TripQuery.Sort.class, sort))
			.onPage(page, size);
		return TripPageResponse.of(catalog.search(query));
	}

	@GetMapping("/{code}")
	@Operation(summary = "One trip, active or not, with seats booked")
	TripResponse find(@PathVariable @ListingCode String code) {
		return TripResponse.of(current(RouteParams.code(code)));
	}

	@PostMapping
	@Operation(summary = "Create a trip: facts in PostgreSQL, content projected to MongoDB after commit")
	@ApiResponse(responseCode = "201", description = "Created; Location names the trip")
	@ApiResponse(responseCode = "400", description = "A field is missing or wrong; nothing was written",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(TRIP_INVALID)))
	@ApiResponse(responseCode = "409", description = "The code is taken",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(TRIP_CODE_TAKEN)))
	ResponseEntity<TripResponse> create(@Valid @RequestBody TripRequest request) {
		new InvalidParameters().reject(request.code() == null, "code", "is required")
			.reject(!request.departsAt().isAfter(Instant.now()), "departsAt", "must be in the future")
			.throwIfAny();
		TripDetails created = catalog.createTrip(request.toDraft(request.code()));
		return ResponseEntity.created(URI.create("/api/v1/admin/trips/" + created.trip().code()))
			.body(TripResponse.of(created));
	}

	@PutMapping("/{code}")
	@Operation(summary = "Replace a trip's facts, and its content when given",
			description = "Content given is published under a new content version; left out, content and version stay. "
					+ "Bookings keep the unit price they were placed at, whatever the new price.")
	@ApiResponse(responseCode = "409", description = "The new capacity is below the seats already booked",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(TRIP_CAPACITY_BELOW_SEATS)))
	TripResponse replace(@PathVariable @ListingCode String code, @Valid @RequestBody TripRequest request) {
		String normalized = RouteParams.code(code);
		new InvalidParameters()
			.reject(request.code() != null && !request.code().equals(normalized), "code", "must match the path")
			.throwIfAny();
		return TripResponse.of(catalog.replaceTrip(request.toDraft(normalized)));
	}

	@PostMapping("/{code}/deactivate")
	@Operation(summary = "Take a trip out of search and sale; its bookings stand",
			description = "409 naming the status when it is already inactive.")
	TripResponse deactivate(@PathVariable @ListingCode String code) {
		return changeStatus(code, ListingStatus.INACTIVE);
	}

	@PostMapping("/{code}/activate")
	@Operation(summary = "Put a trip back into search and sale", description = "409 when it is already active.")
	TripResponse activate(@PathVariable @ListingCode String code) {
		return changeStatus(code, ListingStatus.ACTIVE);
	}

	private TripResponse changeStatus(String code, ListingStatus status) {
		String normalized = RouteParams.code(code);
		catalog.changeTripStatus(normalized, status);
		return TripResponse.of(current(normalized));
	}

	private TripDetails current(String code) {
		return catalog.findTrip(code).orElseThrow(() -> new TripNotFoundException(code));
	}

}
