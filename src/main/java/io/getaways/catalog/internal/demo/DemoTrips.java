package io.getaways.catalog.internal.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripDraft;

/**
 * The three classic Travlr trips and fifty generated ones, the same on every machine for
 * a given first day.
 */
final class DemoTrips {

	static final int GENERATED = 50;

	private static final String[] ADJECTIVES = { "Azure", "Coral", "Golden", "Hidden", "Jade", "Misty", "Palm",
			"Sapphire", "Silver", "Sunset", "Turquoise", "Velvet" };

	private static final String[] PLACES = { "Atoll", "Bay", "Cove", "Isle", "Lagoon", "Reef", "Shoals", "Sound",
			"Strand", "Keys" };

	private static final String[] RESORTS = { "Emerald Bay, 3 stars", "Blue Lagoon, 4 stars", "Coral Sands, 5 stars",
			"Palm Grove, 3 stars", "Pearl Harbour Lodge, 4 stars", "Driftwood Inn, 2 stars", "Sea Breeze, 4 stars",
			"Mangrove Point, 3 stars", "Lighthouse Retreat, 5 stars", "Tidewater Suites, 4 stars" };

	private static final String[] HIGHLIGHTS = { "Guided reef dive", "Sunset catamaran cruise", "Beach barbecue",
			"Snorkelling lessons", "Glass-bottom boat tour", "Island hopping", "Sea kayaking", "Spa afternoon" };

	private DemoTrips() {
	}

	static List<TripDraft> all() {
		List<TripDraft> trips = new ArrayList<>(classic());
		trips.addAll(generated(LocalDate.now(ZoneOffset.UTC).plusDays(14)));
		return trips;
	}

	static List<TripDraft> classic() {
		return List.of(
				classic("GALR210214", "Gale Reef", "2021-02-14T08:00:00Z", "Emerald Bay, 3 stars", "799.00",
						"reef1.jpg"),
				classic("DAWR210315", "Dawson's Reef", "2021-03-15T08:00:00Z", "Blue Lagoon, 4 stars", "1199.00",
						"reef2.jpg"),
				classic("CLAR210621", "Claire's Reef", "2021-06-21T08:00:00Z", "Coral Sands, 5 stars", "1999.00",
						"reef3.jpg"));
	}

	private static TripDraft classic(String code, String name, String start, String resort, String price,
			String image) {
		String description = "<p>Sed et augue lorem. In sit amet placerat arcu. Mauris volutpat ipsum ac justo "
				+ "mollis vel vestibulum orci gravida. Vestibulum sit amet porttitor odio.</p>";
		TripContent content = new TripContent(1, description, image, List.of(image), List.of("Reef snorkelling"),
				List.of("reef", "beach"), Map.of());
		return new TripDraft(code, name, resort, Instant.parse(start), 4, new BigDecimal(price), "USD", 20, content);
	}

	static List<TripDraft> generated(LocalDate firstDeparture) {
		Random random = new Random(20210214L);
		DateTimeFormatter codeDate = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
		Set<String> codes = new HashSet<>();
		List<TripDraft> trips = new ArrayList<>();
		for (int i = 0; i < GENERATED; i++) {
			String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + PLACES[random.nextInt(PLACES.length)];
			LocalDate departure = firstDeparture.plusDays(7L * i + random.nextInt(7));
			String code = uniqueCode(name, departure.format(codeDate), codes);
			String resort = RESORTS[random.nextInt(RESORTS.length)];
			int nights = 3 + random.nextInt(12);
			BigDecimal price = BigDecimal.valueOf(399 + random.nextInt(3200)).add(new BigDecimal("0.99"));
			int capacity = 10 + random.nextInt(41);
			String image = "trip" + (i % 12 + 1) + ".jpg";
			TripContent content = new TripContent(1,
					"<p>" + nights + " nights at " + resort + ": a " + name.toLowerCase(Locale.ROOT)
							+ " getaway with time to dive, sail and rest.</p>",
					image, List.of(image, "trip" + ((i + 5) % 12 + 1) + ".jpg"),
					List.of(HIGHLIGHTS[random.nextInt(HIGHLIGHTS.length)],
							HIGHLIGHTS[random.nextInt(HIGHLIGHTS.length)]),
					List.of(name.split(" ")[1].toLowerCase(Locale.ROOT), "beach"),
					Map.of("difficulty", random.nextBoolean() ? "easy" : "moderate"));
			trips.add(new TripDraft(code, name, resort, departure.atTime(8, 0).toInstant(ZoneOffset.UTC), nights, price,
					"USD", capacity, content));
		}
		return trips;
	}

	private static String uniqueCode(String name, String date, Set<String> taken) {
		String[] words = name.toUpperCase(Locale.ROOT).split(" ");
		String stem = (words[0].substring(0, 2) + words[1].substring(0, 2));
		String code = stem + date;
		for (char suffix = 'A'; !taken.add(code); suffix++) {
			code = stem + date + suffix;
		}
		return code;
	}

}
