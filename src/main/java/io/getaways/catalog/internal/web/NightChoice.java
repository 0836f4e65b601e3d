package io.getaways.catalog.internal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.internal.StayOccupancy;

/**
 * The nights a traveller picked on a stay's page, as typed or clicked: check-in, maybe
 * check-out, the guests. Each field that cannot be read, or nights that are not all free,
 * get a sentence in {@code errors} under the field's name.
 */
final class NightChoice {

	private final Map<String, String> errors = new LinkedHashMap<>();

	private final LocalDate checkIn;

	private final LocalDate checkOut;

	private final int guests;

	private boolean taken;

	NightChoice(String checkIn, String checkOut, String guests, int maxGuests, int maxNights, LocalDate today) {
		this.checkIn = date("checkIn", checkIn);
		LocalDate out = date("checkOut", checkOut);
		this.guests = guests(guests, maxGuests);
		if (this.checkIn != null && this.checkIn.isBefore(today)) {
			errors.put("checkIn", "Check-in must be today (UTC) or later.");
		}
		if (out != null && this.checkIn == null && !errors.containsKey("checkIn")) {
			errors.put("checkIn", "Choose the check-in day first.");
		}
		if (out != null && this.checkIn != null && !out.isAfter(this.checkIn)) {
			errors.put("checkOut", "Check-out must be after check-in.");
		}
		if (out != null && this.checkIn != null && ChronoUnit.DAYS.between(this.checkIn, out) > maxNights) {
			errors.put("checkOut", "Stay at most " + maxNights + " nights.");
		}
		this.checkOut = errors.isEmpty() ? out : null;
	}

	/** Refuses the chosen nights when someone holds or booked one of them. */
	void requireFree(List<StayOccupancy> occupied) {
		if (!complete()) {
			return;
		}
		List<StayOccupancy> conflicts = occupied.stream()
			.filter(range -> range.checkIn().isBefore(checkOut) && range.checkOut().isAfter(checkIn))
			.toList();
		if (!conflicts.isEmpty()) {
			taken = true;
			errors.put("checkOut",
					"Some of these nights are taken (" + StayCalendar.ranges(conflicts) + "). Choose other dates.");
		}
	}

	private LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Give a date as YYYY-MM-DD.");
			return null;
		}
	}

	private int guests(String value, int maxGuests) {
		if (value == null || value.isBlank()) {
			return 1;
		}
		try {
			int count = Integer.parseInt(value.trim());
			if (count >= 1 && count <= maxGuests) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		errors.put("guests", "Choose 1 to " + maxGuests + " guests.");
		return 1;
	}

	/** Both days chosen, readable and free. */
	boolean complete() {
		return checkIn != null && checkOut != null && errors.isEmpty();
	}

	long nights() {
		return complete() ? ChronoUnit.DAYS.between(checkIn, checkOut) : 0;
	}

	LocalDate checkIn() {
		return errors.containsKey("checkIn") ? null : checkIn;
	}

	LocalDate checkOut() {
		return errors.isEmpty() ? checkOut : null;
	}

	/** Someone else holds or booked one of the chosen nights. */
	boolean taken() {
		return taken;
	}

	int guests() {
		return guests;
	}

	Map<String, String> errors() {
		return errors;
	}

}
