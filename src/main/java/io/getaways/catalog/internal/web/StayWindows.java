package io.getaways.catalog.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.getaways.catalog.internal.Listings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The availability window of a stay read: checked here once for the public and the admin
 * routes alike.
 */
@Component
public class StayWindows {

	public record Window(LocalDate from, LocalDate to) {
	}

	private final Listings catalog;

	private final long defaultDays;

	private final long maxDays;

	private final Clock clock = Clock.systemUTC();

	StayWindows(Listings catalog, @Value("${getaways.stays.availability-window:90d}") Duration defaultWindow,
			@Value("${getaways.stays.availability-max-window:366d}") Duration maxWindow) {
		this.catalog = catalog;
		this.defaultDays = defaultWindow.toDays();
		this.maxDays = maxWindow.toDays();
		if (defaultDays < 1 || defaultDays > maxDays) {
			throw new IllegalStateException("getaways.stays.availability-window must be between 1 day and "
					+ "getaways.stays.availability-max-window (" + maxWindow + "), not " + defaultWindow);
		}
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * [from, to), defaulting to today and the configured number of days; 400 naming the
	 * parameter at fault.
	 */
	public Window window(LocalDate from, LocalDate to) {
		LocalDate start = from == null ? today() : from;
		LocalDate end = to == null ? start.plusDays(defaultDays) : to;
		new InvalidParameters().reject(!end.isAfter(start), "to", "must be after from")
			.reject(ChronoUnit.DAYS.between(start, end) > maxDays, "to",
					"must be at most " + maxDays + " days after from")
			.throwIfAny();
		return new Window(start, end);
	}

	public StayResponse.Availability availability(String code, Window window) {
		return new StayResponse.Availability(window.from(), window.to(),
				catalog.stayOccupancy(code, window.from(), window.to()));
	}

}
