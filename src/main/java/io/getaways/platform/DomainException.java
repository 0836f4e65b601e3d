package io.getaways.platform;

import java.util.Map;

/**
 * A fact about a request that the domain refuses, such as a trip that does not exist or a
 * booking already paid. Modules name theirs after the fact
 * ({@code TripNotFoundException}) and carry the ids and state that explain it. The
 * exception says what kind of refusal it is, not how a protocol answers it: the web layer
 * maps each {@link Kind} to an HTTP status, so a module's API stays free of HTTP.
 */
public abstract class DomainException extends RuntimeException {

	/** What kind of refusal this is; each protocol maps it to its own answer. */
	public enum Kind {

		/** A value of the request is wrong on its own terms. */
		INVALID,
		/** The caller is not signed in, or its credentials are wrong. */
		UNAUTHENTICATED,
		/** The caller is known, but may not do this. */
		FORBIDDEN,
		/** A payment was declined. */
		DECLINED,
		/** The thing the request names does not exist, or is not the caller's to see. */
		NOT_FOUND,
		/** The thing exists, but its state does not allow this now. */
		CONFLICT,
		/** The request is too large. */
		TOO_LARGE,
		/** The request is well-formed and consistent, but the domain cannot act on it. */
		UNPROCESSABLE,
		/** The caller asked too often; it may retry later. */
		THROTTLED,
		/** A service this one depends on refused or failed. */
		UPSTREAM_FAILED,
		/** This service cannot take the request now; it may be retried. */
		UNAVAILABLE

	}

	private final Kind kind;

	protected DomainException(Kind kind, String detail) {
		super(detail);
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
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
