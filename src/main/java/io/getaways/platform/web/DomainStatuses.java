package io.getaways.platform.web;

import io.getaways.platform.DomainException;
import org.springframework.http.HttpStatus;

/**
 * The one place where a domain refusal becomes an HTTP status, for every API the service
 * serves (the problem+json API and the Travlr adapter alike), so the two can never
 * disagree.
 */
public final class DomainStatuses {

	private DomainStatuses() {
	}

	public static HttpStatus of(DomainException failure) {
		return switch (failure.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case DECLINED -> HttpStatus.PAYMENT_REQUIRED;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
			case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
			case UPSTREAM_FAILED -> HttpStatus.BAD_GATEWAY;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

}
