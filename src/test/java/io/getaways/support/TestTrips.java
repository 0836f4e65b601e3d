package io.getaways.support;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripDraft;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;

/**
 * Trips made for one test. Random codes and tokens keep every test's data apart from the
 * demo catalog, from other tests and from earlier runs over the same data directory.
 */
public final class TestTrips {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestTrips() {
	}

	/**
	 * Letters and digits, the first a letter, so it also reads as a word inside names and
	 * resorts.
	 */
	public static String token(int length) {
		StringBuilder token = new StringBuilder(length);
		token.append(ALPHABET.charAt(RANDOM.nextInt(24)));
		while (token.length() < length) {
			token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return token.toString();
	}

	/** A fresh trip code in the catalog's format, ^[A-Z0-9]{4,20}$. */
	public static String code() {
		return "T" + token(11);
	}

	public static TripDraft draft(String code, String name, String resort, Instant departsAt, String price) {
		return draft(code, name, resort, departsAt, price,
				content(1, "<p>" + name + " at " + resort + "</p>", code.toLowerCase() + ".jpg"));
	}

	/**
	 * Five nights, 24 seats; the content's version is replaced by the one the write
	 * assigns.
	 */
	public static TripDraft draft(String code, String name, String resort, Instant departsAt, String price,
			TripContent content) {
		return new TripDraft(code, name, resort, departsAt, 5, new BigDecimal(price), "USD", 24, content);
	}

	public static TripContent content(long version, String description, String image) {
		return new TripContent(version, description, image, List.of(image), List.of("Snorkelling"), List.of("test"),
				Map.of("difficulty", "easy"));
	}

	/**
	 * Runs as a background job, since the anonymous actor's database role may only read.
	 */
	public static TripDetails create(Catalog catalog, TripDraft draft) {
		return ActorContext.callAs(Actor.job("test"), () -> catalog.createTrip(draft));
	}

	public static TripDetails replace(Catalog catalog, TripDraft draft) {
		return ActorContext.callAs(Actor.job("test"), () -> catalog.replaceTrip(draft));
	}

}
