package io.getaways.catalog.internal.demo;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import io.getaways.catalog.StayDraft;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoStaysTest {

	@Test
	void codesAreUniqueAndValid() {
		List<String> codes = DemoStays.all().stream().map(StayDraft::code).toList();
		assertThat(codes).hasSizeGreaterThanOrEqualTo(5)
			.doesNotHaveDuplicates()
			.allMatch(code -> code.matches("^[A-Z0-9]{4,20}$"));
	}

	@Test
	void staysSatisfyTheDatabaseConstraintsAndTheAdminRules() {
		assertThat(DemoStays.all()).allSatisfy(stay -> {
			assertThat(stay.name()).isNotBlank().hasSizeLessThanOrEqualTo(120);
			assertThat(stay.country()).isNotBlank().hasSizeLessThanOrEqualTo(80);
			assertThat(stay.city()).isNotBlank().hasSizeLessThanOrEqualTo(80);
			assertThat(stay.maxGuests()).isBetween(1, 50);
			assertThat(stay.pricePerNight()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
			assertThat(stay.pricePerNight().scale()).isLessThanOrEqualTo(2);
			assertThat(Currency.getInstance(stay.currency()).getCurrencyCode()).isEqualTo(stay.currency());
			assertThat(stay.content().version()).isEqualTo(1);
			assertThat(stay.content().description()).isNotBlank();
			assertThat(stay.content().attributes()).containsKey("bedrooms");
		});
	}

}
