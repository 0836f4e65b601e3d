package io.getaways.catalog.internal;

import java.util.Map;

import io.getaways.catalog.ListingStatus;
import io.getaways.platform.DomainException;

/**
 * An activation or deactivation found the trip or stay already in the status it asked
 * for.
 */
public class AlreadyInStatusException extends DomainException {

	private final String code;

	private final ListingStatus status;

	public AlreadyInStatusException(String kind, String code, ListingStatus status) {
		super(Kind.CONFLICT, kind + " " + code + " is already " + status);
		this.code = code;
		this.status = status;
	}

	public ListingStatus currentStatus() {
		return status;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("code", code, "status", status.name());
	}

}
