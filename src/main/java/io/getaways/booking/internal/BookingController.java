package io.getaways.booking.internal;

import java.net.URI;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.Bookings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.getaways.booking.internal.BookingExamples.*;

@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "Bookings", description = "Book trip seats or stay nights, pay, cancel; the signed-in traveller's own only")
class BookingController {

	private static final String JSON = "application/json";

	private static final String PROBLEM = "application/problem+json";

	private final Bookings bookings;

	private final IdempotentPosts idempotent;

	BookingController(Bookings bookings, IdempotentPosts idempotent) {
		this.bookings = bookings;
		this.idempotent = idempotent;
	}

	@PostMapping
	@Operation(summary = "Book seats of a trip or nights of a stay",
			description = "Holds them as PENDING at today's price until holdExpiresAt (getaways.bookings.hold-duration, "
					+ "15 minutes by default); pay before then. A stay's nights run from checkIn to checkOut, both at "
					+ "00:00 UTC.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = JSON,
					examples = { @ExampleObject(name = "trip", value = NEW_TRIP_BOOKING),
							@ExampleObject(name = "stay", value = NEW_STAY_BOOKING) })))
	@ApiResponse(responseCode = "201", description = "Held",
			content = @Content(mediaType = JSON, examples = @ExampleObject(PENDING_TRIP_BOOKING)))
	@ApiResponse(responseCode = "400", description = "Bad input, naming the field; nothing was written",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(INVALID)))
	@ApiResponse(responseCode = "404", description = "No such trip or stay")
	@ApiResponse(responseCode = "409",
			description = "Sold out (with seatsLeft), nights taken (with the conflicting "
					+ "ranges), or the trip or stay is not on sale",
			content = @Content(mediaType = PROBLEM, examples = { @ExampleObject(name = "sold out", value = SOLD_OUT),
					@ExampleObject(name = "nights taken", value = STAY_TAKEN) }))
	ResponseEntity<BookingResponse> create(@Valid @RequestBody NewBooking body,
			@Parameter(in = ParameterIn.HEADER, description = IDEMPOTENCY_KEY) @RequestHeader(
					name = IdempotentPosts.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request) {
		boolean trip = body.isTrip();
		NewBooking booking = body.normalized();
		return idempotent.post(idempotencyKey, request, booking, () -> {
			Booking placed = trip ? bookings.bookTrip(booking.code(), booking.seats(), booking.passengers())
					: bookings.bookStay(booking.code(), booking.checkIn(), booking.checkOut(), booking.guests(),
							booking.passengers());
			return ResponseEntity.created(URI.create("/api/v1/bookings/" + placed.id()))
				.body(BookingResponse.of(placed));
		});
	}

	@GetMapping
	@Operation(summary = "My bookings, newest first")
	BookingPageResponse list(@RequestParam(required = false) BookingStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return BookingPageResponse.of(bookings.listMine(status, page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of my bookings, with its payments and refunds",
			description = "Someone else's booking answers 404, exactly as one that does not exist.")
	@ApiResponse(responseCode = "200", description = "The booking",
			content = @Content(mediaType = JSON, examples = @ExampleObject(CONFIRMED_STAY_BOOKING)))
	@ApiResponse(responseCode = "404", description = "Not found, or not mine",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(NOT_FOUND)))
	BookingResponse get(@PathVariable UUID id) {
		return BookingResponse.of(bookings.findMine(id));
	}

	@PostMapping("/{id}/pay")
	@Operation(summary = "Pay a PENDING booking before its hold expires",
			description = "Captures the total through the payment gateway and confirms the booking in one transaction.")
	@ApiResponse(responseCode = "200", description = "CONFIRMED",
			content = @Content(mediaType = JSON, examples = @ExampleObject(CONFIRMED_STAY_BOOKING)))
	@ApiResponse(responseCode = "402", description = "Declined; the booking stays PENDING while its hold lasts",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(DECLINED)))
	@ApiResponse(responseCode = "409", description = "Not PENDING, or the hold has expired",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(WRONG_STATUS)))
	ResponseEntity<BookingResponse> pay(@PathVariable UUID id,
			@Parameter(in = ParameterIn.HEADER, description = IDEMPOTENCY_KEY) @RequestHeader(
					name = IdempotentPosts.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request) {
		return idempotent.post(idempotencyKey, request, null,
				() -> ResponseEntity.ok(BookingResponse.of(bookings.pay(id))));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a PENDING or CONFIRMED booking before it starts",
			description = "Frees the seats or nights. A paid booking is refunded by the refund policy "
					+ "(getaways.bookings.refund.tiers; by default 100 % from 30 days before the start, 50 % from 7 "
					+ "days, nothing later); refundAmount says how much.")
	@ApiResponse(responseCode = "200", description = "CANCELLED",
			content = @Content(mediaType = JSON, examples = @ExampleObject(CANCELLED_BOOKING)))
	@ApiResponse(responseCode = "409", description = "Already COMPLETED or CANCELLED, or already started",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(WRONG_STATUS)))
	ResponseEntity<BookingResponse> cancel(@PathVariable UUID id,
			@Parameter(in = ParameterIn.HEADER, description = IDEMPOTENCY_KEY) @RequestHeader(
					name = IdempotentPosts.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request) {
		return idempotent.post(idempotencyKey, request, null,
				() -> ResponseEntity.ok(BookingResponse.of(bookings.cancel(id))));
	}

}
