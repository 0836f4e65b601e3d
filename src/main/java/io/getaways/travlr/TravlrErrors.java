package io.getaways.travlr;

import java.util.Map;

import io.getaways.catalog.TripNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the Travlr routes in Travlr's own shape, {@code {"message": ...}}, which its clients display. */
@RestControllerAdvice(assignableTypes = TravlrTripController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TravlrErrors {

	private static final Logger log = LoggerFactory.getLogger(TravlrErrors.class);

	@ExceptionHandler(TripNotFoundException.class)
	ResponseEntity<Map<String, String>> tripNotFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Trip not found"));
	}

	@ExceptionHandler(TravlrFieldException.class)
	ResponseEntity<Map<String, String>> invalidField(TravlrFieldException ex) {
		return ResponseEntity.badRequest().body(Map.of("message", ex.getMessage(), "error", ex.field()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, String>> unexpected(Exception ex) {
		log.error("Travlr route failed", ex);
		return ResponseEntity.internalServerError().body(Map.of("message", "Internal server error"));
	}
}
