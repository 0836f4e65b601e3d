package io.getaways.booking;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The booking module's API. Every command is one PostgreSQL transaction, retried on a
 * serialization failure or deadlock, that publishes its event in the same transaction. A
 * traveller's methods act on the caller's own bookings only, and answer
 * {@link BookingNotFoundException} for anyone else's; the admin methods need the admin
 * role.
 */
public interface Bookings {

	/** Holds the seats at the trip's current price until the hold expires. */
	Booking bookTrip(String tripCode, int seats);

	/**
	 * Holds the nights from check-in up to check-out at the stay's current price until
	 * the hold expires.
	 */
	Booking bookStay(String stayCode, LocalDate checkIn, LocalDate checkOut, int guests);

	BookingDetails findMine(UUID id);

	/** The caller's bookings, newest first; {@code status} may be null. */
	BookingPage listMine(BookingStatus status, int page, int size);

	/**
	 * Captures the total through the payment gateway and confirms; the hold must not have
	 * expired.
	 */
	Booking pay(UUID id);

	/** Cancels before the start, refunding a paid booking by the refund policy. */
	Booking cancel(UUID id);

	BookingPage search(BookingQuery query);

	BookingDetails findAny(UUID id);

	/** Cancels any booking not yet completed, refunding in full whatever was paid. */
	Booking cancelAsAdmin(UUID id);

	/**
	 * Keeps a booking from another system as it was: its seats taken unless cancelled,
	 * its price as the source charged it, in the caller's transaction, as an admin. No
	 * event is published, so nobody is notified of history. Throws
	 * {@code TripSoldOutException} when the seats are not there.
	 */
	Booking importTripBooking(ImportedTripBooking booking);

}
