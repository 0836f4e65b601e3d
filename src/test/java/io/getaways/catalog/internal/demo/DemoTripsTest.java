package io.getaways.catalog.internal.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.getaways.catalog.TripDraft;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DemoTripsTest {

	private static final LocalDate FIRST_DAY = LocalDate.of(2030, 1, 1);

	@Test
	void threeClassicTripsLeadTheCatalog() {
		List<TripDraft> all = DemoTrips.all();
		assertThat(all).hasSize(3 + DemoTrips.GENERATED).hasSize(53);
		assertThat(all.subList(0, 3)).extracting(TripDraft::code, TripDraft::name)
			.containsExactly(tuple("GALR210214", "Gale Reef"), tuple("DAWR210315", "Dawson's Reef"),
					tuple("CLAR210621", "Claire's Reef"));
	}

	@Test
	void codesAreUniqueAndValid() {
		List<String> codes = DemoTrips.all().stream().map(TripDraft::code).toList();
		assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("^[A-Z0-9]{4,20}$"));
	}

	@Test
	void generatedTripsAreTheSameForTheSameFirstDay() {
		assertThat(DemoTrips.generated(FIRST_DAY)).hasSize(50).isEqualTo(DemoTrips.generated(FIRST_DAY));
		assertThat(DemoTrips.generated(FIRST_DAY.plusDays(1))).isNotEqualTo(DemoTrips.generated(FIRST_DAY));
	}

	@Test
	void generatedTripsDepartOnOrAfterTheFirstDay() {
		assertThat(DemoTrips.generated(FIRST_DAY)).allSatisfy(
				trip -> assertThat(trip.departsAt().atZone(ZoneOffset.UTC).toLocalDate()).isAfterOrEqualTo(FIRST_DAY));
	}

	@Test
	void generatedTripsSatisfyTheDatabaseConstraints() {
		assertThat(DemoTrips.generated(FIRST_DAY)).allSatisfy(trip -> {
			assertThat(trip.name()).isNotBlank().hasSizeLessThanOrEqualTo(120);
			assertThat(trip.resort()).isNotBlank().hasSizeLessThanOrEqualTo(120);
			assertThat(trip.nights()).isBetween(1, 365);
			assertThat(trip.pricePerPerson()).isPositive();
			assertThat(trip.capacity()).isPositive();
			assertThat(trip.content().version()).isEqualTo(1);
		});
	}

}
