package io.getaways.catalog.internal.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.getaways.catalog.internal.StayOccupancy;

/**
 * A month of a stay's nights as a grid of weeks, Monday first. Every free night is a link
 * that picks it as check-in; once check-in is picked, the days up to the first taken
 * night after it are links that pick check-out. Plain links, so the calendar works by
 * keyboard and without JavaScript.
 */
final class StayCalendar {

	private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	/** How far ahead the calendar pages. */
	static final int MONTHS_AHEAD = 12;

	private StayCalendar() {
	}

	/** A day of the grid; {@code href} is null for a day that cannot be picked. */
	public record Day(LocalDate date, int number, boolean past, boolean taken, boolean chosen, boolean checkOut,
			String href, String label) {
	}

	/**
	 * One month: weeks of seven cells, null outside the month; {@code prev} and
	 * {@code next} are the query strings of the neighbouring months with the same choice,
	 * null where the calendar stops.
	 */
	public record Month(String title, String value, List<List<Day>> weeks, String prev, String next) {
	}

	static YearMonth month(String value, LocalDate checkIn, LocalDate today) {
		YearMonth first = YearMonth.from(today);
		YearMonth shown = checkIn != null ? YearMonth.from(checkIn) : first;
		if (value != null && value.matches("\\d{4}-\\d{2}")) {
			try {
				shown = YearMonth.parse(value);
			}
			catch (java.time.DateTimeException ex) {
				// an impossible month shows the default one
			}
		}
		YearMonth last = first.plusMonths(MONTHS_AHEAD);
		return shown.isBefore(first) ? first : shown.isAfter(last) ? last : shown;
	}

	static Month of(String code, YearMonth month, LocalDate today, List<StayOccupancy> taken, NightChoice choice,
			int maxNights) {
		LocalDate checkIn = choice.checkIn();
		LocalDate checkOut = choice.checkOut();
		LocalDate lastCheckOut = checkIn == null || checkOut != null ? null : lastCheckOut(checkIn, taken, maxNights);
		List<List<Day>> weeks = new ArrayList<>();
		List<Day> week = new ArrayList<>();
		LocalDate first = month.atDay(1);
		for (int i = 1; i < first.getDayOfWeek().getValue(); i++) {
			week.add(null);
		}
		for (LocalDate date = first; !date.isAfter(month.atEndOfMonth()); date = date.plusDays(1)) {
			boolean past = date.isBefore(today);
			boolean isTaken = isTaken(date, taken);
			boolean chosen = checkIn != null && checkOut != null && !date.isBefore(checkIn) && date.isBefore(checkOut);
			String base = "/stays/" + code + "?month=" + month + "&guests=" + choice.guests();
			String href = null;
			String label = DAY.format(date) + (isTaken ? ", taken" : past ? ", past" : ", free");
			if (lastCheckOut != null && date.isAfter(checkIn) && !date.isAfter(lastCheckOut)) {
				href = base + "&checkIn=" + checkIn + "&checkOut=" + date;
				label = label + ": check out this day";
			}
			else if (!past && !isTaken) {
				href = base + "&checkIn=" + date;
				label = label + ": check in this day";
			}
			week.add(new Day(date, date.getDayOfMonth(), past, isTaken, chosen, date.equals(checkOut), href,
					chosen ? label + " (chosen)" : date.equals(checkOut) ? label + " (check-out)" : label));
			if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(null);
			}
			weeks.add(week);
		}
		YearMonth current = YearMonth.from(today);
		String kept = "&guests=" + choice.guests() + (checkIn == null ? "" : "&checkIn=" + checkIn)
				+ (checkOut == null ? "" : "&checkOut=" + checkOut);
		String prev = month.isAfter(current) ? "month=" + month.minusMonths(1) + kept : null;
		String next = month.isBefore(current.plusMonths(MONTHS_AHEAD)) ? "month=" + month.plusMonths(1) + kept : null;
		return new Month(TITLE.format(month), month.toString(), weeks, prev, next);
	}

	/**
	 * The latest check-out from this check-in: the first taken night after it, or the
	 * limit.
	 */
	private static LocalDate lastCheckOut(LocalDate checkIn, List<StayOccupancy> taken, int maxNights) {
		LocalDate limit = checkIn.plusDays(maxNights);
		for (StayOccupancy range : taken) {
			if (range.checkOut().isAfter(checkIn) && range.checkIn().isBefore(limit)) {
				limit = range.checkIn().isAfter(checkIn) ? range.checkIn() : checkIn;
			}
		}
		return limit.isAfter(checkIn) ? limit : null;
	}

	static boolean isTaken(LocalDate night, List<StayOccupancy> taken) {
		return taken.stream().anyMatch(range -> !night.isBefore(range.checkIn()) && night.isBefore(range.checkOut()));
	}

	/** The first day of the window the page asks taken nights for. */
	static LocalDate windowStart(YearMonth month, LocalDate checkIn) {
		LocalDate first = month.atDay(1);
		return checkIn != null && checkIn.isBefore(first) ? checkIn : first;
	}

	static LocalDate windowEnd(YearMonth month, LocalDate checkIn, int maxNights) {
		LocalDate end = month.plusMonths(1).atDay(1);
		LocalDate stayEnd = checkIn == null ? end : checkIn.plusDays(maxNights + 1L);
		return stayEnd.isAfter(end) ? stayEnd : end;
	}

	static String ranges(List<StayOccupancy> ranges) {
		return ranges.stream()
			.map(range -> "nights of " + range.checkIn() + " to " + range.checkOut().minus(1, ChronoUnit.DAYS))
			.collect(Collectors.joining(", "));
	}

}
