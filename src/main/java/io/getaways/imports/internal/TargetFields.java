package io.getaways.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that several targets make alike on a mapped row: amounts with their currency,
 * instants, days and a source's reference.
 */
final class TargetFields {

	private static final Pattern REFERENCE = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

	private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

	private TargetFields() {
	}

	/** An amount and the currency its text named, if any. */
	record Amount(BigDecimal value, String currency) {
	}

	static Amount amount(Map<String, Object> fields, String field, boolean required) {
		Object value = fields.get(field);
		if (value == null) {
			if (required) {
				throw new RowRejectedException(field, "is missing");
			}
			return null;
		}
		Amount amount = value instanceof Conversions.Money money ? new Amount(money.amount(), money.currency())
				: new Amount(Conversions.decimal(field, value), null);
		if (amount.value().signum() < 0) {
			throw new RowRejectedException(field, "must not be negative");
		}
		if (amount.value().scale() > 2 || amount.value().precision() - amount.value().scale() > 10) {
			throw new RowRejectedException(field, "must have at most 10 digits and 2 decimals");
		}
		return amount;
	}

	/** The currency an amount's text named, else the field's, upper-cased and checked. */
	static String currency(Map<String, Object> fields, Amount amount, boolean required) {
		String currency = amount != null && amount.currency() != null ? amount.currency()
				: fields.get("currency") == null ? null
						: String.valueOf(fields.get("currency")).trim().toUpperCase(Locale.ROOT);
		if (currency == null && !required) {
			return null;
		}
		if (currency == null || !CURRENCY.matcher(currency).matches()) {
			throw new RowRejectedException("currency", "must be a three-letter code such as USD");
		}
		return currency;
	}

	/** The source's reference of a row: what a later entity refers to it by. */
	static String reference(Map<String, Object> fields, String field) {
		String reference = ImportTarget.text(fields, field, 64, true);
		if (!REFERENCE.matcher(reference).matches()) {
			throw new RowRejectedException(field, "must be 1 to 64 letters, digits, '.', '_' or '-'");
		}
		return reference;
	}

	/** An instant, or now when the source gives none. */
	static Instant instantOrNow(Map<String, Object> fields, String field) {
		Object value = fields.get(field);
		if (value == null) {
			return Instant.now();
		}
		return value instanceof Instant instant ? instant : Conversions.instant(field, value);
	}

	/** The UTC day of a date or instant. */
	static LocalDate day(Map<String, Object> fields, String field) {
		Object value = fields.get(field);
		if (value == null) {
			throw new RowRejectedException(field, "is missing");
		}
		Instant instant = value instanceof Instant given ? given : Conversions.instant(field, value);
		return instant.atZone(ZoneOffset.UTC).toLocalDate();
	}

}
