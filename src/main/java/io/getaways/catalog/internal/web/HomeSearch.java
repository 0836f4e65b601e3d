package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.getaways.catalog.internal.StayQuery;
import io.getaways.catalog.internal.TripQuery;

/**
 * The home page's search form as the traveller typed it, and what it asks of the catalog.
 * Each field that cannot be read gets a sentence of its own in {@code errors}, shown
 * beside it; nothing is searched while there is one.
 */
final class HomeSearch {

	static final int MAX_QUERY = 100;

	static final int MAX_NIGHTS = 60;

	private final String q;

	private final String kind;

	private final String sort;

	private final String minPrice;

	private final String maxPrice;

	private final String from;

	private final String to;

	private final Map<String, String> errors = new LinkedHashMap<>();

	private BigDecimal min;

	private BigDecimal max;

	private LocalDate fromDate;

	private LocalDate toDate;

	HomeSearch(String q, String kind, String sort, String minPrice, String maxPrice, String from, String to,
			LocalDate today) {
		String text = RouteParams.text(q);
		this.q = text == null ? "" : text;
		this.kind = "stay".equals(kind) ? "stay" : "trip";
		this.sort = sort == null || !sort.matches("departure|price|rating|name") ? "departure" : sort;
		this.minPrice = blankToEmpty(minPrice);
		this.maxPrice = blankToEmpty(maxPrice);
		this.from = blankToEmpty(from);
		this.to = blankToEmpty(to);
		check(today);
	}

	private void check(LocalDate today) {
		if (q.length() > MAX_QUERY) {
			errors.put("q", "Search for at most " + MAX_QUERY + " characters.");
		}
		min = price("minPrice", minPrice);
		max = price("maxPrice", maxPrice);
		if (min != null && max != null && min.compareTo(max) > 0) {
			errors.put("maxPrice", "The highest price must not be below the lowest.");
		}
		fromDate = date("from", from);
		toDate = date("to", to);
		if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
			errors.put("to", "The last date must not be before the first.");
		}
		if (isStays()) {
			checkStayDates(today);
		}
	}

	private void checkStayDates(LocalDate today) {
		if (fromDate != null && fromDate.isBefore(today)) {
			errors.put("from", "Check-in must be today (UTC) or later.");
		}
		if ((fromDate == null) != (toDate == null) && !errors.containsKey("from") && !errors.containsKey("to")) {
			errors.put(fromDate == null ? "from" : "to", "For stays, give both check-in and check-out.");
		}
		if (fromDate != null && toDate != null && !toDate.isAfter(fromDate) && !errors.containsKey("to")) {
			errors.put("to", "Check-out must be after check-in.");
		}
		if (fromDate != null && toDate != null && ChronoUnit.DAYS.between(fromDate, toDate) > MAX_NIGHTS) {
			errors.put("to", "Stay at most " + MAX_NIGHTS + " nights.");
		}
	}

	private BigDecimal price(String field, String value) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(value);
			if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 10) {
				errors.put(field, "Give an amount of 0 or more, with at most two decimals.");
				return null;
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			errors.put(field, "Give an amount such as 500 or 499.99.");
			return null;
		}
	}

	private LocalDate date(String field, String value) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Give a date as YYYY-MM-DD.");
			return null;
		}
	}

	TripQuery trips(int page, int size) {
		TripQuery.Sort order = switch (sort) {
			case "price" -> TripQuery.Sort.PRICE;
			case "rating" -> TripQuery.Sort.RATING;
			case "name" -> TripQuery.Sort.NAME;
			default -> TripQuery.Sort.DEPARTURE;
		};
		return TripQuery.active()
			.withText(RouteParams.text(q))
			.withPrice(min, max)
			.withDeparture(fromDate, toDate)
			.sortedBy(order)
			.onPage(page, size);
	}

	/** Stays have no departure: that order lists them by name. */
	StayQuery stays(int page, int size) {
		StayQuery.Sort order = switch (sort) {
			case "price" -> StayQuery.Sort.PRICE;
			case "rating" -> StayQuery.Sort.RATING;
			default -> StayQuery.Sort.NAME;
		};
		return StayQuery.active()
			.withText(RouteParams.text(q))
			.withPrice(min, max)
			.withDates(fromDate, toDate)
			.sortedBy(order)
			.onPage(page, size);
	}

	/**
	 * The search as a link without its page, ready for {@code page=n} to be appended:
	 * only the fields given, so "Next" and "Previous" keep every filter.
	 */
	String links() {
		StringBuilder link = new StringBuilder("/?");
		add(link, "q", q);
		add(link, "kind", kind);
		add(link, "sort", sort);
		add(link, "minPrice", minPrice);
		add(link, "maxPrice", maxPrice);
		add(link, "from", from);
		add(link, "to", to);
		return link.toString();
	}

	private static void add(StringBuilder link, String name, String value) {
		if (!value.isEmpty()) {
			link.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
		}
	}

	boolean isStays() {
		return "stay".equals(kind);
	}

	boolean hasDates() {
		return fromDate != null && toDate != null;
	}

	long nights() {
		return hasDates() ? ChronoUnit.DAYS.between(fromDate, toDate) : 0;
	}

	boolean valid() {
		return errors.isEmpty();
	}

	Map<String, String> errors() {
		return errors;
	}

	String q() {
		return q;
	}

	String kind() {
		return kind;
	}

	String sort() {
		return sort;
	}

	String minPrice() {
		return minPrice;
	}

	String maxPrice() {
		return maxPrice;
	}

	String from() {
		return from;
	}

	String to() {
		return to;
	}

	LocalDate fromDate() {
		return fromDate;
	}

	LocalDate toDate() {
		return toDate;
	}

	private static String blankToEmpty(String value) {
		return value == null ? "" : value.trim();
	}

}
