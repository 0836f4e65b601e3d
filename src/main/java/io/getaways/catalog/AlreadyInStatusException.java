package io.getaways.catalog;

import java.util.Map;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** An activation or deactivation found the trip or stay already in the status it asked for. */
public class AlreadyInStatusException extends ApiException {

	private final String code;
	private final TripStatus status;

	public AlreadyInStatusException(String kind, String code, TripStatus status) {
		super(HttpStatus.CONFLICT, kind + " " + code + " is already " + status);
		this.code = code;
		this.status = status;
	}

	public TripStatus currentStatus() {
		return status;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("code", code, "status", status.name());
	}
}
