package io.getaways.booking.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import io.getaways.booking.BookingQuery;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.Bookings;
import io.getaways.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.getaways.booking.internal.BookingExamples.CANCELLED_BOOKING;
import static io.getaways.booking.internal.BookingExamples.IDEMPOTENCY_KEY;
import static io.getaways.booking.internal.BookingExamples.WRONG_STATUS;

/**
 * Every traveller's bookings, for admins (authority {@code booking:all} on the route,
 * admin role in the service).
 */
@RestController
@RequestMapping("/api/v1/admin/bookings")
@Tag(name = "Admin: bookings", description = "Search, read and cancel any booking")
class AdminBookingController {

	private static final String CODE = "[A-Za-z0-9]{4,20}";

	private static final String CODE_MESSAGE = "must be 4 to 20 letters or digits";

	private final Bookings bookings;

	private final IdempotentPosts idempotent;

	AdminBookingController(Bookings bookings, IdempotentPosts idempotent) {
		this.bookings = bookings;
		this.idempotent = idempotent;
	}

	@GetMapping
	@Operation(summary = "Search all bookings, newest first",
			description = "Every filter optional; from and to are UTC days the booking starts in, both included.")
	BookingPageResponse search(@RequestParam(required = false) BookingStatus status,
			@RequestParam(required = false) @Pattern(regexp = CODE, message = CODE_MESSAGE) String tripCode,
			@RequestParam(required = false) @Pattern(regexp = CODE, message = CODE_MESSAGE) String stayCode,
			@RequestParam(required = false) UUID userId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(BookingQuery.MAX_SIZE) int size) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidParameterException("from", "must not be after to");
		}
		return BookingPageResponse.of(bookings
			.search(new BookingQuery(status, upper(tripCode), upper(stayCode), userId, from, to, page, size)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Any booking, with its payments and refunds")
	BookingResponse get(@PathVariable UUID id) {
		return BookingResponse.of(bookings.findAny(id));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel any PENDING or CONFIRMED booking",
			description = "Also after its start. Whatever was paid is refunded in full, whatever the notice; the "
					+ "cancellation reason is ADMIN.")
	@ApiResponse(responseCode = "200", description = "CANCELLED",
			content = @Content(mediaType = "application/json", examples = @ExampleObject(CANCELLED_BOOKING)))
	@ApiResponse(responseCode = "409", description = "Already COMPLETED or CANCELLED",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(WRONG_STATUS)))
	ResponseEntity<BookingResponse> cancel(@PathVariable UUID id,
			@Parameter(in = ParameterIn.HEADER, description = IDEMPOTENCY_KEY) @RequestHeader(
					name = IdempotentPosts.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request) {
		return idempotent.post(idempotencyKey, request, null,
				() -> ResponseEntity.ok(BookingResponse.of(bookings.cancelAsAdmin(id))));
	}

	private static String upper(String code) {
		return code == null ? null : code.toUpperCase(Locale.ROOT);
	}

}
