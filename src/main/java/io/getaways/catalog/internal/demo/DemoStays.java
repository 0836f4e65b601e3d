package io.getaways.catalog.internal.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.StayContent;
import io.getaways.catalog.StayDraft;

/**
 * A handful of villas, lodges and houses, so that stay search shows something on a fresh
 * install.
 */
final class DemoStays {

	private DemoStays() {
	}

	static List<StayDraft> all() {
		return List.of(
				stay("VILLAOIA", "Villa Oia Caldera", "Greece", "Oia", "420.00", "EUR", 6,
						"A whitewashed villa on the caldera rim with a plunge pool facing the sunset.",
						List.of("Plunge pool", "Sea view", "Air conditioning", "Wi-Fi"), 3),
				stay("LODGEBANFF", "Bow River Lodge", "Canada", "Banff", "310.00", "CAD", 8,
						"A timber lodge by the river, ten minutes from the ski lifts, with a wood stove and a hot tub.",
						List.of("Hot tub", "Wood stove", "Ski storage", "Parking"), 4),
				stay("CASATULUM", "Casa Jaguar", "Mexico", "Tulum", "260.00", "USD", 4,
						"A jungle house a short cycle from the beach and the ruins, with bikes included.",
						List.of("Bicycles", "Garden", "Outdoor shower", "Wi-Fi"), 2),
				stay("CHALETZERMATT", "Chalet Matterhornblick", "Switzerland", "Zermatt", "690.00", "CHF", 10,
						"A ski-in ski-out chalet with a view of the Matterhorn from every bedroom.",
						List.of("Sauna", "Fireplace", "Ski-in ski-out", "Mountain view"), 5),
				stay("RIADMEDINA", "Riad Dar Zitoun", "Morocco", "Marrakech", "180.00", "EUR", 6,
						"A restored riad in the medina around a courtyard of orange trees, with a roof terrace.",
						List.of("Roof terrace", "Courtyard pool", "Breakfast", "Air conditioning"), 3),
				stay("VILLAUBUD", "Villa Sawah", "Indonesia", "Ubud", "150.00", "USD", 4,
						"A bamboo villa above the rice terraces, with an infinity pool and a daily yoga class.",
						List.of("Infinity pool", "Yoga", "Rice terrace view", "Wi-Fi"), 2));
	}

	private static StayDraft stay(String code, String name, String country, String city, String price, String currency,
			int maxGuests, String description, List<String> amenities, int bedrooms) {
		String image = code.toLowerCase() + ".jpg";
		StayContent content = new StayContent(1, "<p>" + description + "</p>", image, List.of(image), amenities,
				List.of(city.toLowerCase(), country.toLowerCase()), Map.of("bedrooms", bedrooms));
		return new StayDraft(code, name, country, city, new BigDecimal(price), currency, maxGuests, content);
	}

}
