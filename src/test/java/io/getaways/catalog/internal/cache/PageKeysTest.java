package io.getaways.catalog.internal.cache;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.getaways.catalog.internal.StayQuery;
import io.getaways.catalog.internal.TripQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageKeysTest {

	@Test
	void equalSearchesShareAKeyAndAmountsCompareByValue() {
		TripQuery a = trip("Reef", "Bay", new BigDecimal("10"), 0);
		TripQuery b = trip("Reef", "Bay", new BigDecimal("10.00"), 0);
		assertThat(PageKeys.of(a)).isEqualTo(PageKeys.of(b));
	}

	@Test
	void everyParameterThatChangesTheResultChangesTheKey() {
		String base = PageKeys.of(trip("Reef", "Bay", new BigDecimal("10"), 0));
		assertThat(PageKeys.of(trip("reef", "Bay", new BigDecimal("10"), 0))).as("case is kept").isNotEqualTo(base);
		assertThat(PageKeys.of(trip("Reef", "Bay", new BigDecimal("10"), 1))).isNotEqualTo(base);
		assertThat(PageKeys.of(trip("Reef", "Bay", null, 0))).isNotEqualTo(base);
		assertThat(PageKeys.of(trip(null, "Reef Bay", new BigDecimal("10"), 0))).isNotEqualTo(base);
		assertThat(PageKeys.of(trip("Reef", "Bay", new BigDecimal("10"), 0).sortedBy(TripQuery.Sort.PRICE)))
			.isNotEqualTo(base);
	}

	@Test
	void separatorsInTextCannotForgeAnotherSearch() {
		assertThat(PageKeys.of(trip("a&resort=b", null, null, 0))).isNotEqualTo(PageKeys.of(trip("a", "b", null, 0)));
	}

	@Test
	void staySearchKeysNameTheirFilters() {
		StayQuery query = StayQuery.active()
			.withText("Villa")
			.withPlace("Portugal", "Faro")
			.withGuests(4)
			.withDates(LocalDate.parse("2030-01-01"), LocalDate.parse("2030-01-05"))
			.withPrice(null, new BigDecimal("250.50"))
			.sortedBy(StayQuery.Sort.RATING)
			.onPage(2, 10);
		assertThat(PageKeys.of(query)).isEqualTo("q=Villa&country=Portugal&city=Faro&guests=4&checkIn=2030-01-01"
				+ "&checkOut=2030-01-05&maxPrice=250.5&status=ACTIVE&sort=RATING&page=2&size=10");
	}

	private static TripQuery trip(String text, String resort, BigDecimal minPrice, int page) {
		return TripQuery.active().withText(text).withResort(resort).withPrice(minPrice, null).onPage(page, 20);
	}

}
