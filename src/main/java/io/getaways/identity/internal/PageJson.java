package io.getaways.identity.internal;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer a page's script shows as it is: a sentence for a person, not an API problem.
 */
final class PageJson {

	private PageJson() {
	}

	static ResponseEntity<Map<String, String>> message(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("message", message));
	}

}
