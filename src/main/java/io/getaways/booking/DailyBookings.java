package io.getaways.booking;

import java.time.LocalDate;

/**
 * Bookings made on one UTC day, counted straight from the bookings table (not from the
 * report views, which are as fresh as their last refresh); for admins.
 */
public interface DailyBookings {

	/**
	 * @param day a UTC calendar day
	 * @throws io.getaways.platform.NotAllowedException for anyone but an admin
	 */
	BookingDay on(LocalDate day);

	/**
	 * @param made bookings made (held) that day, whatever became of them
	 * @param confirmed how many of those are paid for (confirmed or completed since)
	 */
	record BookingDay(LocalDate day, long made, long confirmed) {
	}

}
