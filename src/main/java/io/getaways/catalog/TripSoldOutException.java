package io.getaways.catalog;

import java.util.Map;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

public class TripSoldOutException extends ApiException {

	private final String code;
	private final int seatsLeft;

	public TripSoldOutException(String code, int seatsRequested, int seatsLeft) {
		super(HttpStatus.CONFLICT,
				"Trip " + code + " has " + seatsLeft + " seat(s) left, fewer than the " + seatsRequested + " requested");
		this.code = code;
		this.seatsLeft = seatsLeft;
	}

	public String code() {
		return code;
	}

	public int seatsLeft() {
		return seatsLeft;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("tripCode", code, "seatsLeft", seatsLeft);
	}
}
