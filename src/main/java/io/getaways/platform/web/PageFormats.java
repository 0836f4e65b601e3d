package io.getaways.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How pages print dates, times and money, as {@code ${@pageFormats.date(...)}} in
 * templates. Times are in UTC and say so: the service does not know the traveller's zone.
 */
@Component("pageFormats")
public class PageFormats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}

	public String date(LocalDate date) {
		return date == null ? "" : DATE.format(date.atStartOfDay(ZoneOffset.UTC));
	}

	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	public String money(BigDecimal amount, String currency) {
		return amount == null ? ""
				: currency + " " + String.format(Locale.ENGLISH, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
	}

}
