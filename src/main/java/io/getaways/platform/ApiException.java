package io.getaways.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An exception that is a fact about the request, answered as problem+json with its own status. Modules name theirs
 * after the fact ({@code TripNotFoundException}) and carry the ids and state that explain it.
 */
public abstract class ApiException extends RuntimeException {

	private final HttpStatus status;

	protected ApiException(HttpStatus status, String detail) {
		super(detail);
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}

	/** Answer headers, such as Retry-After. */
	public Map<String, String> headers() {
		return Map.of();
	}

	/** Extra members of the problem document, such as the offending parameter. */
	public Map<String, Object> properties() {
		return Map.of();
	}
}
