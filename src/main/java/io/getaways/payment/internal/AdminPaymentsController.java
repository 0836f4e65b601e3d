package io.getaways.payment.internal;

import java.time.Instant;
import java.util.UUID;

import io.getaways.platform.InvalidParameterException;
import io.getaways.payment.internal.PaymentResponses.PageResponse;
import io.getaways.payment.internal.PaymentResponses.PaymentResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/payments")
@PreAuthorize("hasAuthority('booking:all')")
@Tag(name = "Admin: payments", description = "Every user's payments and refunds (permission booking:all)")
class AdminPaymentsController {

	private static final String PAGE_EXAMPLE = """
			{"items":[{"id":"0f8e5f8e-6a43-4e0b-9d61-2b7f6f0a9c11","bookingId":"6d1c2f0e-3b7a-4c55-8f43-8f7d7a1e2b90",
			 "userId":"b3a1d7c4-1e2f-4a5b-9c8d-7e6f5a4b3c2d","amount":1250.00,"currency":"USD","status":"CAPTURED",
			 "gatewayReference":"sim_ch_4a47a0306160456aaeaa0b6b526f07aa","failureReason":null,"refundedAmount":625.00,
			 "createdAt":"2026-05-02T09:14:03.512Z","updatedAt":"2026-05-20T16:40:11.078Z"}],
			 "page":0,"size":20,"totalItems":1,"totalPages":1}""";

	private static final String DETAILS_EXAMPLE = """
			{"id":"0f8e5f8e-6a43-4e0b-9d61-2b7f6f0a9c11","bookingId":"6d1c2f0e-3b7a-4c55-8f43-8f7d7a1e2b90",
			 "userId":"b3a1d7c4-1e2f-4a5b-9c8d-7e6f5a4b3c2d","amount":1250.00,"currency":"USD","status":"CAPTURED",
			 "gatewayReference":"sim_ch_4a47a0306160456aaeaa0b6b526f07aa","failureReason":null,"refundedAmount":625.00,
			 "createdAt":"2026-05-02T09:14:03.512Z","updatedAt":"2026-05-20T16:40:11.078Z",
			 "refunds":[{"id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","amount":625.00,"currency":"USD",
			   "status":"SUCCEEDED","gatewayReference":"sim_re_2c9d4e1f0a3b4c5d8e7f6a5b4c3d2e1f",
			   "reason":"Cancelled by the customer 20 days before departure","createdAt":"2026-05-20T16:40:11.078Z"}]}""";

	private static final String BAD_EXAMPLE = """
			{"type":"about:blank","title":"Bad Request","status":400,
			 "detail":"Invalid request: 'bookingId' must be a valid UUID",
			 "instance":"/api/v1/admin/payments","errors":[{"parameter":"bookingId","message":"must be a valid UUID"}]}""";

	private final PaymentAdministration administration;

	AdminPaymentsController(PaymentAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "Search payments, newest first",
			description = "Every filter optional; from is inclusive, to exclusive, both ISO-8601 instants of when the "
					+ "payment was recorded. Pages are stable: equal times are ordered by payment id.")
	@ApiResponse(responseCode = "200", description = "A page of payments",
			content = @Content(examples = @ExampleObject(value = PAGE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A parameter is malformed; errors[].parameter names it",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = BAD_EXAMPLE)))
	@ApiResponse(responseCode = "403", description = "The caller lacks permission booking:all")
	PageResponse search(@RequestParam(required = false) @Parameter(description = "booking id (UUID)") UUID bookingId,
			@RequestParam(required = false) @Parameter(description = "paying user's id (UUID)") UUID userId,
			@RequestParam(required = false) @Pattern(regexp = "CAPTURED|FAILED",
					message = "must be CAPTURED or FAILED") String status,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PaymentQuery.MAX_SIZE) int size) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidParameterException("from", "must be before to");
		}
		return PageResponse
			.of(administration.search(new PaymentQuery(bookingId, userId, status, from, to, page, size)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One payment with its refunds, oldest refund first")
	@ApiResponse(responseCode = "200", description = "The payment",
			content = @Content(examples = @ExampleObject(value = DETAILS_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No payment has this id",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
					{"type":"about:blank","title":"Not Found","status":404,
					 "detail":"Payment 0f8e5f8e-6a43-4e0b-9d61-2b7f6f0a9c11 not found",
					 "instance":"/api/v1/admin/payments/0f8e5f8e-6a43-4e0b-9d61-2b7f6f0a9c11"}""")))
	@ApiResponse(responseCode = "400", description = "The id is not a UUID")
	PaymentResponse payment(@PathVariable UUID id) {
		return administration.find(id).map(PaymentResponse::of).orElseThrow(() -> new PaymentNotFoundException(id));
	}

}
