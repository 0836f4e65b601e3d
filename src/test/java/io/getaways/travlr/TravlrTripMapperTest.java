package io.getaways.travlr;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TravlrTripMapperTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1|1 night / 2 days", "4|4 nights / 5 days", "14|14 nights / 15 days" })
	void formatsLengthWithSingularForOneNight(int nights, String length) {
		assertThat(TravlrTripMapper.length(nights)).isEqualTo(length);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "4 nights / 5 days|4", "4|4", "4 nights|4", "1 night / 2 days|1", " 7 Nights / 8 Days |7" })
	void parsesNightsFromLength(String length, int nights) {
		assertThat(TravlrTripMapper.parseNights(length)).isEqualTo(nights);
	}

	@Test
	void lengthRoundTrips() {
		for (int nights = 1; nights <= 365; nights++) {
			assertThat(TravlrTripMapper.parseNights(TravlrTripMapper.length(nights))).isEqualTo(nights);
		}
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "four nights", "0 nights", "366 nights", "", "nights 4", "1000 nights" })
	void rejectsLengthWithoutAValidNumberOfNights(String length) {
		assertThatThrownBy(() -> TravlrTripMapper.parseNights(length))
			.isInstanceOfSatisfying(TravlrFieldException.class, ex -> assertThat(ex.field()).isEqualTo("length"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "799.00|799.00", "799|799.00", "$799.00|799.00", "$1,199.5|1199.50", " 0.5 |0.50" })
	void parsesPrices(String perPerson, BigDecimal price) {
		assertThat(TravlrTripMapper.parsePrice(perPerson)).isEqualTo(price.setScale(2));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "abc", "-5", "", "799.999", "7 99", "1e3" })
	void rejectsPricesThatAreNotPlainAmounts(String perPerson) {
		assertThatThrownBy(() -> TravlrTripMapper.parsePrice(perPerson))
			.isInstanceOfSatisfying(TravlrFieldException.class, ex -> assertThat(ex.field()).isEqualTo("perPerson"));
	}

	@Test
	void parsesStartInTheContractFormat() {
		assertThat(TravlrTripMapper.parseStart("2021-02-14T08:00:00.000Z"))
			.isEqualTo(Instant.parse("2021-02-14T08:00:00Z"));
		assertThat(TravlrTripMapper.parseStart("2021-02-14T08:00:00Z"))
			.isEqualTo(Instant.parse("2021-02-14T08:00:00Z"));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "2021-02-14", "14/02/2021", "2021-02-30T08:00:00.000Z", "soon" })
	void rejectsStartThatIsNotAnInstant(String start) {
		assertThatThrownBy(() -> TravlrTripMapper.parseStart(start)).isInstanceOfSatisfying(TravlrFieldException.class,
				ex -> assertThat(ex.field()).isEqualTo("start"));
	}

	@Test
	void stableIdIsTwentyFourHexCharactersAndDependsOnlyOnTheCode() {
		String id = TravlrTripMapper.stableId("GALR210214");
		assertThat(id).matches("[0-9a-f]{24}").isEqualTo(TravlrTripMapper.stableId("GALR210214"));
		assertThat(TravlrTripMapper.stableId("DAWR210315")).isNotEqualTo(id);
	}

}
