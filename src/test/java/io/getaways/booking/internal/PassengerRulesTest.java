package io.getaways.booking.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.getaways.booking.Passenger;
import io.getaways.booking.TravelDocument;
import io.getaways.platform.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassengerRulesTest {

	private static final LocalDate BORN = LocalDate.of(1987, 3, 14);

	private static final LocalDate EXPIRY = LocalDate.of(2045, 1, 1);

	@Test
	void normalizesNamesCountriesAndDocumentNumbers() {
		List<Passenger> normalized = PassengerRules.normalized(List.of(new Passenger(null, "  Ana Lima ", BORN, "pt",
				new TravelDocument("passport", " ab-12 34 ", "br", EXPIRY))), 1, "seat");

		assertThat(normalized).containsExactly(
				new Passenger(null, "Ana Lima", BORN, "PT", new TravelDocument("PASSPORT", "AB1234", "BR", EXPIRY)));
	}

	@Test
	void eachRefusalNamesThePassengerAndTheFieldButNotTheValue() {
		Passenger good = new Passenger(null, "Ana", BORN, "PT", null);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertRefused(List.of(good), 2, "passengers", "must list exactly 2 passenger(s), one per seat, but lists 1");
		assertRefused(List.of(good, new Passenger(null, "Rui", today, "PT", null)), 2, "passengers[1].dateOfBirth",
				"must be in the past");
		assertRefused(List.of(new Passenger(null, "Rui", null, "PT", null)), 1, "passengers[0].dateOfBirth",
				"is required");
		assertRefused(List.of(new Passenger(null, "Rui", LocalDate.of(1899, 12, 31), "PT", null)), 1,
				"passengers[0].dateOfBirth", "must be on or after 1900-01-01");
		assertRefused(List.of(new Passenger(null, "a\u0000b", BORN, "PT", null)), 1, "passengers[0].fullName",
				"must not contain control characters");
		assertRefused(List.of(new Passenger(null, "Rui", BORN, "ZZ", null)), 1, "passengers[0].nationality",
				"must be an ISO 3166-1 alpha-2 country code such as PT");
		assertRefused(List.of(new Passenger(null, "Rui", BORN, "PT", new TravelDocument("VISA", "X1", "PT", EXPIRY))),
				1, "passengers[0].document.type", "must be PASSPORT or ID_CARD");
		assertRefused(
				List.of(new Passenger(null, "Rui", BORN, "PT",
						new TravelDocument("ID_CARD", "SECRET!9", "PT", EXPIRY))),
				1, "passengers[0].document.number",
				"must be 1 to 30 letters or digits (spaces and hyphens are ignored)");
		assertRefused(List.of(new Passenger(null, "Rui", BORN, "PT", new TravelDocument("ID_CARD", "X1", "P", EXPIRY))),
				1, "passengers[0].document.issuingCountry", "must be an ISO 3166-1 alpha-2 country code such as PT");
		assertRefused(List.of(new Passenger(null, "Rui", BORN, "PT", new TravelDocument("ID_CARD", "X1", "PT", null))),
				1, "passengers[0].document.expiry", "is required");
	}

	@Test
	void aDocumentMustStillBeValidAfterTheEnd() {
		List<Passenger> list = List.of(new Passenger(null, "Ana", BORN, "PT", null),
				new Passenger(null, "Rui", BORN, "PT", new TravelDocument("PASSPORT", "X1", "PT", EXPIRY)));
		PassengerRules.requireValidAfter(list, EXPIRY.minusDays(1), "trip");
		assertThatThrownBy(() -> PassengerRules.requireValidAfter(list, EXPIRY, "stay")).isInstanceOfSatisfying(
				InvalidParameterException.class,
				ex -> assertThat(ex.getMessage()).contains("passengers[1].document.expiry")
					.contains("must be after the stay ends on " + EXPIRY));
	}

	@Test
	void maskingHidesAllButTheLastThreeCharactersAndTheLength() {
		assertThat(new TravelDocument("PASSPORT", "AB123456", "PT", EXPIRY).masked().number()).isEqualTo("******456");
		assertThat(new TravelDocument("PASSPORT", "X1", "PT", EXPIRY).masked().number()).isEqualTo("******X1");
		assertThat(new Passenger(null, "Ana", BORN, "PT", null).masked().dateOfBirth()).isNull();
	}

	private static void assertRefused(List<Passenger> passengers, int expected, String field, String message) {
		assertThatThrownBy(() -> PassengerRules.normalized(passengers, expected, "seat"))
			.isInstanceOfSatisfying(InvalidParameterException.class, ex -> {
				assertThat(ex.getMessage()).contains(field).contains(message);
				assertThat(ex.getMessage()).doesNotContain("SECRET");
			});
	}

}
