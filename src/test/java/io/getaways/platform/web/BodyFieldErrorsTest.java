package io.getaways.platform.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.getaways.platform.web.ApiProblemHandler.ParameterError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Reads bodies with a mapper configured as the application's, and checks which field each
 * failure names.
 */
class BodyFieldErrorsTest {

	enum Cabin {

		ECONOMY, SUITE

	}

	record Traveller(String name, LocalDate birthDate) {
	}

	record Booking(String email, int seats, Long tripId, boolean insured, double budget, Cabin cabin, List<String> tags,
			List<Traveller> travellers, Traveller lead) {
	}

	private static final JsonMapper JSON = mapper();

	private static JsonMapper mapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new JsonInputConfiguration().noScalarsAsStrings().customize(builder);
		return builder.build();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"email": 5}                                              | email                  | must be a string
					{"email": 5.5}                                            | email                  | must be a string
					{"email": true}                                           | email                  | must be a string
					{"email": {"value": "a@example.com"}}                     | email                  | must be a string
					{"email": ["a@example.com"]}                              | email                  | must be a string
					{"seats": "abc"}                                          | seats                  | must be a whole number
					{"seats": {"n": 2}}                                       | seats                  | must be a whole number
					{"tripId": "x1"}                                          | tripId                 | must be a whole number
					{"budget": "lots"}                                        | budget                 | must be a number
					{"insured": "maybe"}                                      | insured                | must be true or false
					{"cabin": "ATTIC"}                                        | cabin                  | must be one of ECONOMY, SUITE
					{"tags": ["reef", 5]}                                     | tags[1]                | must be a string
					{"tags": "reef"}                                          | tags                   | must be a list
					{"lead": {"name": 7}}                                     | lead.name              | must be a string
					{"lead": "Ann"}                                           | lead                   | must be an object
					{"travellers": [{"name": "A"}, {"birthDate": "soon"}]}    | travellers[1].birthDate | must be a date as YYYY-MM-DD
					{"travellers": [{"name": "A"}, {"name": ["B"]}]}          | travellers[1].name     | must be a string
					""")
	void aValueOfTheWrongTypeIsNamedByItsPath(String body, String field, String message) {
		assertThat(failure(body)).contains(new ParameterError(field, message));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"email": }
			{"email": "a@example.com"
			not json
			""")
	void malformedJsonNamesNoField(String body) {
		assertThat(failure(body)).isEmpty();
	}

	@Test
	void wellTypedValuesStillBind() {
		assertThatCode(() -> JSON.readValue("""
				{"email": "a@example.com", "seats": 2, "tripId": 7, "insured": false, "budget": 99.5,
				 "cabin": "SUITE", "tags": ["reef"], "travellers": [{"name": "A", "birthDate": "1990-02-03"}],
				 "lead": {"name": "A"}}""", Booking.class)).doesNotThrowAnyException();
	}

	private static Optional<ParameterError> failure(String body) {
		try {
			JSON.readValue(body, Booking.class);
		}
		catch (RuntimeException ex) {
			return BodyFieldErrors.of(new IllegalStateException("unreadable body", ex));
		}
		throw new AssertionError("Expected " + body + " to be refused");
	}

}
