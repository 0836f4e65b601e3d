package io.getaways.booking.internal;

import java.util.function.Supplier;

import io.getaways.payment.IdempotentRequests;
import io.getaways.payment.IdempotentRequests.IdempotentCall;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking POSTs under {@code Idempotency-Key}. The body compared between sends is the
 * request as understood (normalized, then written as JSON), not its raw text, so a client
 * that re-encodes the same request is not refused.
 */
@Component
class IdempotentPosts {

	static final String HEADER = "Idempotency-Key";

	private final IdempotentRequests requests;

	private final JsonMapper json;

	IdempotentPosts(IdempotentRequests requests, JsonMapper json) {
		this.requests = requests;
		this.json = json;
	}

	ResponseEntity<BookingResponse> post(String key, HttpServletRequest request, Object body,
			Supplier<ResponseEntity<BookingResponse>> action) {
		String text = body == null ? "" : json.writeValueAsString(body);
		return requests.execute(new IdempotentCall(key, "POST", request.getRequestURI(), text), BookingResponse.class,
				action);
	}

}
