package io.getaways.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Value conversions a mapping names, from what sources hold to what targets take. A value
 * that does not convert rejects its row with the field and the reason; the value itself
 * is named only for fields that are not secret.
 */
final class Conversions {

	static final Set<String> NAMES = Set.of("text", "lower", "upper", "int", "decimal", "money", "nights", "instant",
			"date");

	private static final Pattern MONEY = Pattern
		.compile("^\\s*([$€£]|[A-Z]{3})?\\s*(-?\\d{1,12}(?:\\.\\d{1,2})?)\\s*([A-Z]{3})?\\s*$");

	private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP");

	private static final Pattern NIGHTS = Pattern.compile("^\\s*(-?\\d{1,4})\\s*(nights?)?\\b.*",
			Pattern.CASE_INSENSITIVE);

	private Conversions() {
	}

	/** An amount and, when the text named one, its currency. */
	record Money(BigDecimal amount, String currency) {
	}

	static void check(String name, String mapping) {
		if (name != null && !NAMES.contains(name)) {
			throw new ImportMapping.MappingException(
					"mapping " + mapping + ": conversion '" + name + "' is not one of " + NAMES);
		}
	}

	static Object convert(String field, Object value, ImportMapping.FieldMapping spec) {
		String name = spec.convert() == null ? "text" : spec.convert();
		return switch (name) {
			case "lower" -> text(value).toLowerCase(Locale.ROOT);
			case "upper" -> text(value).toUpperCase(Locale.ROOT);
			case "int" -> integer(field, value);
			case "decimal" -> decimal(field, value);
			case "money" -> money(field, value);
			case "nights" -> nights(field, value);
			case "instant" -> instant(field, value);
			case "date" -> date(field, value, spec.format());
			default -> value instanceof Number || value instanceof Date ? value : text(value);
		};
	}

	static String text(Object value) {
		return String.valueOf(value).trim();
	}

	static int integer(String field, Object value) {
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			return number.intValue();
		}
		try {
			return Integer.parseInt(text(value));
		}
		catch (NumberFormatException ex) {
			throw new RowRejectedException(field, "'" + shorten(value) + "' is not a whole number");
		}
	}

	static BigDecimal decimal(String field, Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		try {
			return new BigDecimal(text(value));
		}
		catch (NumberFormatException ex) {
			throw new RowRejectedException(field, "'" + shorten(value) + "' is not a number");
		}
	}

	/** "$799.00", "799.00 EUR", "EUR 799", "799" and numbers. */
	static Money money(String field, Object value) {
		if (value instanceof Number number) {
			return new Money(new BigDecimal(number.toString()), null);
		}
		Matcher matcher = MONEY.matcher(text(value).replace(",", ""));
		if (!matcher.matches()) {
			throw new RowRejectedException(field, "'" + shorten(value) + "' is not an amount such as '$799.00'");
		}
		String currency = matcher.group(1) != null ? SYMBOLS.getOrDefault(matcher.group(1), matcher.group(1))
				: matcher.group(3);
		return new Money(new BigDecimal(matcher.group(2)), currency);
	}

	/** "4 nights / 5 days", "4 nights" or 4 give 4. */
	static int nights(String field, Object value) {
		if (value instanceof Number) {
			return integer(field, value);
		}
		Matcher matcher = NIGHTS.matcher(text(value));
		if (!matcher.matches()) {
			throw new RowRejectedException(field, "'" + shorten(value) + "' does not start with a number of nights");
		}
		return Integer.parseInt(matcher.group(1));
	}

	/**
	 * A driver's date, epoch milliseconds, or ISO-8601 text (UTC when without offset).
	 */
	static Instant instant(String field, Object value) {
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		if (value instanceof LocalDate date) {
			return date.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		if (value instanceof LocalDateTime time) {
			return time.toInstant(ZoneOffset.UTC);
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Number number) {
			return Instant.ofEpochMilli(number.longValue());
		}
		String text = text(value);
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				catch (DateTimeParseException ex) {
					throw new RowRejectedException(field, "'" + shorten(value) + "' is not an ISO-8601 date or time");
				}
			}
		}
	}

	/**
	 * A date in the mapping's format, at midnight UTC; a database's dates as they are.
	 */
	static Instant date(String field, Object value, String format) {
		if (format == null || !(value instanceof String)) {
			return instant(field, value);
		}
		try {
			return LocalDate.parse(text(value), DateTimeFormatter.ofPattern(format, Locale.ROOT))
				.atStartOfDay(ZoneOffset.UTC)
				.toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new RowRejectedException(field, "'" + shorten(value) + "' does not match the format " + format);
		}
	}

	private static String shorten(Object value) {
		String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
		return text.length() > 40 ? text.substring(0, 40) + "..." : text;
	}

}
