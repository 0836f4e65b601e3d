package io.getaways.travlr;

import java.util.Map;

import io.getaways.catalog.TripCodeTakenException;
import io.getaways.catalog.TripNotFoundException;
import io.getaways.identity.InvalidCredentialsException;
import io.getaways.platform.DomainException;
import io.getaways.platform.web.DomainStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Travlr routes in Travlr's own shape, {@code {"message": ...}}, which its
 * clients display.
 */
@RestControllerAdvice(assignableTypes = { TravlrTripController.class, TravlrAuthController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class TravlrErrors {

	private static final Logger log = LoggerFactory.getLogger(TravlrErrors.class);

	@ExceptionHandler(TripNotFoundException.class)
	ResponseEntity<Map<String, String>> tripNotFound() {
		return message(HttpStatus.NOT_FOUND, "Trip not found");
	}

	@ExceptionHandler(TravlrMissingFieldException.class)
	ResponseEntity<Map<String, String>> missingField() {
		return message(HttpStatus.BAD_REQUEST, "All fields are required");
	}

	@ExceptionHandler(TravlrFieldException.class)
	ResponseEntity<Map<String, String>> invalidField(TravlrFieldException ex) {
		return ResponseEntity.badRequest().body(Map.of("message", ex.getMessage(), "error", ex.field()));
	}

	@ExceptionHandler(TripCodeTakenException.class)
	ResponseEntity<Map<String, String>> codeTaken(TripCodeTakenException ex) {
		return ResponseEntity.badRequest().body(Map.of("message", ex.getMessage(), "error", "code"));
	}

	@ExceptionHandler(InvalidCredentialsException.class)
	ResponseEntity<Map<String, String>> invalidCredentials() {
		return message(HttpStatus.UNAUTHORIZED, "Incorrect email or password");
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Map<String, String>> apiException(DomainException ex) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(DomainStatuses.of(ex));
		ex.headers().forEach((name, value) -> answer.header(name, value));
		return answer.body(Map.of("message", ex.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable() {
		return message(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, String>> mediaType() {
		return message(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, String>> unexpected(Exception ex) {
		log.error("Travlr route failed", ex);
		return message(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");
	}

	private static ResponseEntity<Map<String, String>> message(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("message", message));
	}

}
