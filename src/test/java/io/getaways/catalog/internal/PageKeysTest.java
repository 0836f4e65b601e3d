package io.getaways.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.getaways.catalog.StayQuery;
import io.getaways.catalog.TripQuery;
import io.getaways.catalog.ListingStatus;
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
		assertThat(PageKeys.of(new TripQuery("Reef", "Bay", new BigDecimal("10"), null, null, null,
				TripQuery.Sort.PRICE, 0, 20))).isNotEqualTo(base);
	}

	@Test
	void separatorsInTextCannotForgeAnotherSearch() {
		assertThat(PageKeys.of(trip("a&resort=b", null, null, 0))).isNotEqualTo(PageKeys.of(trip("a", "b", null, 0)));
	}

	@Test
	void staySearchKeysNameTheirFilters() {
		StayQuery query = new StayQuery("Villa", "Portugal", "Faro", 4, LocalDate.parse("2030-01-01"),
				LocalDate.parse("2030-01-05"), null, new BigDecimal("250.50"), StayQuery.Sort.RATING, ListingStatus.ACTIVE,
				2, 10);
		assertThat(PageKeys.of(query)).isEqualTo("q=Villa&country=Portugal&city=Faro&guests=4&checkIn=2030-01-01"
				+ "&checkOut=2030-01-05&maxPrice=250.5&status=ACTIVE&sort=RATING&page=2&size=10");
	}

	private static TripQuery trip(String text, String resort, BigDecimal minPrice, int page) {
		return new TripQuery(text, resort, minPrice, null, null, null, TripQuery.Sort.DEPARTURE, page, 20);
	}
}
