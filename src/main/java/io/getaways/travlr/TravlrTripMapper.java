package io.getaways.travlr;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.getaways.catalog.Trip;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripDraft;

/** Formats trips for Travlr clients and parses their display strings back into facts. */
final class TravlrTripMapper {

	private static final DateTimeFormatter START = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final Pattern NIGHTS = Pattern.compile("^\\s*(\\d{1,3})\\s*(nights?)?\\b.*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PRICE = Pattern.compile("^\\s*\\$?\\s*(\\d{1,10}(\\.\\d{1,2})?)\\s*$");

	/**
	 * Ids by code: the list route answers every active trip on each request, and a
	 * SHA-256 (and a MessageDigest lookup) per trip and request showed in its profile.
	 * Bounded, as codes come from requests.
	 */
	private static final Cache<String, String> IDS = Caffeine.newBuilder().maximumSize(10_000).build();

	private TravlrTripMapper() {
	}

	static TravlrTrip toTravlr(TripDetails details) {
		Trip trip = details.trip();
		TripContent content = details.contentAvailable() ? details.content() : null;
		return new TravlrTrip(stableId(trip.code()), trip.code(), trip.name(), length(trip.nights()),
				START.format(trip.departsAt()), trip.resort(), trip.pricePerPerson().setScale(2).toPlainString(),
				content == null || content.image() == null ? "" : content.image(),
				content == null || content.description() == null ? "" : content.description());
	}

	/**
	 * A whole trip from a Travlr body; code, name, length, start, resort and perPerson
	 * are required.
	 */
	static TripDraft toDraft(Map<String, Object> body, int capacity, String currency) {
		String code = TravlrFields.required(body, "code").toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z0-9]{4,20}")) {
			throw new TravlrFieldException("code", "must be 4 to 20 letters or digits");
		}
		String name = TravlrFields.required(body, "name");
		String resort = TravlrFields.required(body, "resort");
		if (name.length() > 120 || resort.length() > 120) {
			throw new TravlrFieldException(name.length() > 120 ? "name" : "resort", "must be at most 120 characters");
		}
		int nights = parseNights(TravlrFields.required(body, "length"));
		Instant start = parseStart(TravlrFields.required(body, "start"));
		BigDecimal price = parsePrice(TravlrFields.required(body, "perPerson"));
		String image = TravlrFields.optional(body, "image");
		String description = TravlrFields.optional(body, "description");
		TripContent content = new TripContent(1, description, image, image == null ? List.of() : List.of(image),
				List.of(), List.of(), Map.of());
		return new TripDraft(code, name, resort, start, nights, price, currency, capacity, content);
	}

	static String length(int nights) {
		return nights + (nights == 1 ? " night / " : " nights / ") + (nights + 1) + " days";
	}

	/** "4 nights / 5 days", "4 nights" or "4" give 4. */
	static int parseNights(String length) {
		Matcher matcher = length == null ? null : NIGHTS.matcher(length);
		if (matcher == null || !matcher.matches()) {
			throw new TravlrFieldException("length", "must start with a number of nights, as in '4 nights / 5 days'");
		}
		int nights = Integer.parseInt(matcher.group(1));
		if (nights < 1 || nights > 365) {
			throw new TravlrFieldException("length", "must be between 1 and 365 nights");
		}
		return nights;
	}

	/** "799.00", "799" or "$799.00" give 799.00. */
	static BigDecimal parsePrice(String perPerson) {
		Matcher matcher = perPerson == null ? null : PRICE.matcher(perPerson.replace(",", ""));
		if (matcher == null || !matcher.matches()) {
			throw new TravlrFieldException("perPerson", "must be an amount such as '799.00'");
		}
		return new BigDecimal(matcher.group(1)).setScale(2);
	}

	static Instant parseStart(String start) {
		try {
			return Instant.parse(start);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new TravlrFieldException("start", "must be an ISO-8601 instant such as '2021-02-14T08:00:00.000Z'");
		}
	}

	/**
	 * Travlr clients treat _id as an opaque MongoDB-style id; one derived from the code
	 * stays stable forever.
	 */
	static String stableId(String code) {
		return IDS.get(code, TravlrTripMapper::digestId);
	}

	private static String digestId(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

}
