package io.getaways.catalog;

import java.util.Map;

import io.getaways.platform.DomainException;

public class TripSoldOutException extends DomainException {

	private final String code;

	private final int seatsLeft;

	public TripSoldOutException(String code, int seatsRequested, int seatsLeft) {
		super(Kind.CONFLICT, "Trip " + code + " has " + seatsLeft + " seat(s) left, fewer than the " + seatsRequested
				+ " requested");
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
