package io.getaways.travlr;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A trip as Travlr clients read and write it. {@code length} and {@code perPerson} are
 * display strings in this contract; {@link TravlrTripMapper} converts them.
 */
record TravlrTrip(@JsonProperty("_id") String id, String code, String name, String length, String start, String resort,
		String perPerson, String image, String description) {
}
