package io.getaways.catalog.internal.admin;

import org.springframework.http.MediaType;

/**
 * Problem bodies the admin routes document as examples in the OpenAPI description, kept
 * here so that the controllers read as routes.
 */
final class AdminExamples {

	static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	/** A trip with an unknown currency. */
	static final String TRIP_INVALID = """
			{"type":"about:blank","title":"Bad Request","status":400,
			 "detail":"Invalid request: 'currency' must be a known ISO 4217 currency code, such as USD or EUR",
			 "errors":[{"parameter":"currency","message":"must be a known ISO 4217 currency code, such as USD or EUR"}]}""";

	/** A trip created under a code that is taken. */
	static final String TRIP_CODE_TAKEN = """
			{"type":"about:blank","title":"Conflict","status":409,
			 "detail":"Trip code CORAL260614 is already taken"}""";

	/** A trip replaced with a capacity below its seats booked. */
	static final String TRIP_CAPACITY_BELOW_SEATS = """
			{"type":"about:blank","title":"Conflict","status":409,
			 "detail":"Trip CORAL260614 has 12 seat(s) booked, more than the capacity 10 asked for",
			 "tripCode":"CORAL260614","capacity":10,"seatsBooked":12}""";

	/** A stay for more guests than a stay may hold. */
	static final String STAY_INVALID = """
			{"type":"about:blank","title":"Bad Request","status":400,
			 "detail":"Invalid request: 'maxGuests' must be less than or equal to 50",
			 "errors":[{"parameter":"maxGuests","message":"must be less than or equal to 50"}]}""";

	/** A stay created under a code that is taken. */
	static final String STAY_CODE_TAKEN = """
			{"type":"about:blank","title":"Conflict","status":409,"detail":"Stay code VILLAOIA is already taken"}""";

	private AdminExamples() {
	}

}
