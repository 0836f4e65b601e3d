package io.getaways.catalog.internal.admin;

import java.net.URI;
import java.time.LocalDate;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.StayDetails;
import io.getaways.catalog.internal.StayNotFoundException;
import io.getaways.catalog.internal.StayQuery;
import io.getaways.catalog.internal.web.InvalidParameters;
import io.getaways.catalog.internal.web.ListingCode;
import io.getaways.catalog.internal.web.RouteParams;
import io.getaways.catalog.internal.web.StayPageResponse;
import io.getaways.catalog.internal.web.StayResponse;
import io.getaways.catalog.internal.web.StayWindows;
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
import org.springframework.format.annotation.DateTimeFormat;
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
import static io.getaways.catalog.internal.admin.AdminExamples.STAY_CODE_TAKEN;
import static io.getaways.catalog.internal.admin.AdminExamples.STAY_INVALID;

@RestController
@RequestMapping("/api/v1/admin/stays")
@PreAuthorize("hasAuthority('catalog:write')")
@Tag(name = "Admin: stays", description = "Create, replace, activate and deactivate stays, inactive ones included")
class AdminStayController {

	private final Listings catalog;

	private final StayWindows windows;

	AdminStayController(Listings catalog, StayWindows windows) {
		this.catalog = catalog;
		this.windows = windows;
	}

	@GetMapping
	@Operation(summary = "Every stay, inactive ones too, paged",
			description = "status narrows to ACTIVE or INACTIVE; left out, both.")
	StayPageResponse search(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(required = false) @Pattern(regexp = "ACTIVE|INACTIVE",
					message = "must be ACTIVE or INACTIVE") String status,
			@RequestParam(defaultValue = "name") @Pattern(regexp = "name|price|rating",
					message = "must be one of name, price, rating") String sort,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(StayQuery.MAX_SIZE) int size) {
		StayQuery query = StayQuery.byStatus(RouteParams.status(status))
			.withText(RouteParams.text(q))
			.sortedBy(RouteParams.sort(StayQuery.Sort.class, sort))
			.onPage(page, size);
		return StayPageResponse.of(catalog.searchStays(query));
	}

	@GetMapping("/{code}")
	@Operation(summary = "One stay, active or not, with the nights taken in a window (see GET /api/v1/stays/{code})")
	StayResponse find(@PathVariable @ListingCode String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		StayWindows.Window window = windows.window(from, to);
		String normalized = RouteParams.code(code);
		return StayResponse.of(current(normalized), windows.availability(normalized, window));
	}

	@PostMapping
	@Operation(summary = "Create a stay: facts in PostgreSQL, content projected to MongoDB after commit")
	@ApiResponse(responseCode = "201", description = "Created; Location names the stay")
	@ApiResponse(responseCode = "400", description = "A field is missing or wrong; nothing was written",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(STAY_INVALID)))
	@ApiResponse(responseCode = "409", description = "The code is taken",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(STAY_CODE_TAKEN)))
	ResponseEntity<StayResponse> create(@Valid @RequestBody StayRequest request) {
		new InvalidParameters().reject(request.code() == null, "code", "is required").throwIfAny();
		StayDetails created = catalog.createStay(request.toDraft(request.code()));
		return ResponseEntity.created(URI.create("/api/v1/admin/stays/" + created.stay().code()))
			.body(StayResponse.of(created, null));
	}

	@PutMapping("/{code}")
	@Operation(summary = "Replace a stay's facts, and its content when given",
			description = "Content given is published under a new content version; left out, content and version stay. "
					+ "Bookings keep the unit price they were placed at, whatever the new price.")
	StayResponse replace(@PathVariable @ListingCode String code, @Valid @RequestBody StayRequest request) {
		String normalized = RouteParams.code(code);
		new InvalidParameters()
			.reject(request.code() != null && !request.code().equals(normalized), "code", "must match the path")
			.throwIfAny();
		return StayResponse.of(catalog.replaceStay(request.toDraft(normalized)), null);
	}

	@PostMapping("/{code}/deactivate")
	@Operation(summary = "Take a stay out of search and sale; its bookings stand",
			description = "409 naming the status when it is already inactive.")
	StayResponse deactivate(@PathVariable @ListingCode String code) {
		return changeStatus(code, ListingStatus.INACTIVE);
	}

	@PostMapping("/{code}/activate")
	@Operation(summary = "Put a stay back into search and sale", description = "409 when it is already active.")
	StayResponse activate(@PathVariable @ListingCode String code) {
		return changeStatus(code, ListingStatus.ACTIVE);
	}

	private StayResponse changeStatus(String code, ListingStatus status) {
		String normalized = RouteParams.code(code);
		catalog.changeStayStatus(normalized, status);
		return StayResponse.of(current(normalized), null);
	}

	private StayDetails current(String code) {
		return catalog.findStay(code).orElseThrow(() -> new StayNotFoundException(code));
	}

}
