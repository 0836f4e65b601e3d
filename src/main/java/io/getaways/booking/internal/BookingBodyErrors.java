package io.getaways.booking.internal;

import java.util.List;
import java.util.Map;

import io.getaways.platform.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * A booking body whose field has the wrong type or form ({@code "checkIn": "next week"}) is answered 400 naming that
 * field, like every other bad input, instead of only saying the body could not be read.
 */
@RestControllerAdvice(assignableTypes = BookingController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BookingBodyErrors {

	private static final Map<String, String> EXPECTED = Map.of("seats", "a whole number", "guests", "a whole number",
			"checkIn", "a date as YYYY-MM-DD", "checkOut", "a date as YYYY-MM-DD", "tripCode", "a string",
			"stayCode", "a string");

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String field = fieldOf(ex);
		if (field == null || !EXPECTED.containsKey(field)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request body is missing or is not valid JSON of the expected shape");
			return ResponseEntity.badRequest().body(problem);
		}
		InvalidParameterException invalid = new InvalidParameterException(field, "must be " + EXPECTED.get(field));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
		invalid.properties().forEach(problem::setProperty);
		return ResponseEntity.badRequest().body(problem);
	}

	private static String fieldOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				List<JacksonException.Reference> path = json.getPath();
				if (path.size() == 1 && path.get(0).getPropertyName() != null) {
					return path.get(0).getPropertyName();
				}
			}
		}
		return null;
	}
}
