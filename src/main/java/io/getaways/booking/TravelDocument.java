package io.getaways.booking;

import java.time.LocalDate;

/**
 * A passenger's passport or identity card.
 *
 * @param type {@code PASSPORT} or {@code ID_CARD}
 * @param number stored encrypted; normalized to capitals without spaces or hyphens
 * @param issuingCountry ISO 3166-1 alpha-2
 * @param expiry must be after the trip or stay ends
 */
public record TravelDocument(String type, String number, String issuingCountry, LocalDate expiry) {

	private static final int SHOWN = 3;

	/** The number hidden but for its last three characters, its length hidden too. */
	public TravelDocument masked() {
		String shown = number == null ? "" : number.substring(Math.max(0, number.length() - SHOWN));
		return new TravelDocument(type, "******" + shown, issuingCountry, expiry);
	}

}
