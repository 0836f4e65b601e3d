package io.getaways.booking;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One traveller on a booking, one per seat or guest. As a traveller reads their own,
 * every field is in clear; as an admin reads them, {@code dateOfBirth} is null and the
 * document number shows its last three characters only, unless revealed.
 *
 * @param id null in a request; given by the booking
 * @param nationality ISO 3166-1 alpha-2
 * @param document optional
 */
public record Passenger(UUID id, String fullName, LocalDate dateOfBirth, String nationality, TravelDocument document) {

	/** As an admin sees it without a reveal. */
	public Passenger masked() {
		return new Passenger(id, fullName, null, nationality, document == null ? null : document.masked());
	}

}
