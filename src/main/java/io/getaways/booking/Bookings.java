package io.getaways.booking;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
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

	/**
	 * As {@link #bookTrip(String, int)}, with one passenger per seat; null books without
	 * passengers. Passengers are written in the same transaction, encrypted.
	 */
	Booking bookTrip(String tripCode, int seats, List<Passenger> passengers);

	/**
	 * As {@link #bookStay(String, LocalDate, LocalDate, int)}, with one passenger per
	 * guest; null books without passengers.
	 */
	Booking bookStay(String stayCode, LocalDate checkIn, LocalDate checkOut, int guests, List<Passenger> passengers);

	BookingDetails findMine(UUID id);

	/** The passengers of one of the caller's bookings, decrypted. */
	List<Passenger> passengersOfMine(UUID bookingId);

	/**
	 * Replaces the passengers of one of the caller's bookings, one per seat or guest,
	 * until the edit cut-off before its start; throws {@link PassengersLockedException}
	 * after it or once the booking is cancelled or completed.
	 */
	List<Passenger> replacePassengersOfMine(UUID bookingId, List<Passenger> passengers);

	/**
	 * Every booking of the caller with its passengers decrypted, newest first: what a
	 * data export of the traveller holds about their trips.
	 */
	List<BookingPassengers> myBookingsWithPassengers();

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

	/** Any booking's passengers, masked (see {@link Passenger#masked()}); admins only. */
	List<Passenger> passengersOfAny(UUID bookingId);

	/**
	 * One passenger of any booking in clear, for admins only; each reveal is recorded in
	 * the audit log with the admin who asked.
	 */
	Passenger revealPassenger(UUID bookingId, UUID passengerId);

	/**
	 * Passengers whose document number is exactly this one (spaces, hyphens and case
	 * ignored), found by blind index and masked; admins only.
	 */
	List<PassengerMatch> findPassengersByDocument(String documentNumber);

	/** Cancels any booking not yet completed, refunding in full whatever was paid. */
	Booking cancelAsAdmin(UUID id);

	/**
	 * Keeps a booking from another system as it was: its seats taken unless cancelled,
	 * its price as the source charged it, in the caller's transaction, as an admin. No
	 * event is published, so nobody is notified of history. Throws
	 * {@code TripSoldOutException} when the seats are not there.
	 */
	Booking importTripBooking(ImportedTripBooking booking);

	/**
	 * Keeps many bookings from another system as {@link #importTripBooking} keeps one,
	 * set based, in the caller's transaction, as an admin: the trips locked and their
	 * seats counted in the bookings' order (a booking the seats left cannot hold is
	 * rejected, the others go in), the rows copied into a staging table and inserted and
	 * moved along the state machine with one statement per step. Publishes nothing: call
	 * {@link #announceImportedSeats} with the trips when the import is done. Outcomes in
	 * the order given.
	 */
	List<ImportedTripBookingOutcome> importTripBookings(List<ImportedTripBooking> bookings);

	/**
	 * Tells the catalog that imported bookings took seats of these trips (one
	 * {@code TripChanged} each, so cached copies show the seats left), in one
	 * transaction.
	 */
	void announceImportedSeats(Collection<String> tripCodes);

	/**
	 * Keeps a stay booking from another system as it was, in the caller's transaction, as
	 * an admin: inserted and moved along the state machine as {@link #importTripBooking}
	 * does, its nights held unless cancelled. Throws {@link StayUnavailableException}
	 * when the exclusion constraint finds the nights taken (the caller's transaction, or
	 * its savepoint, is lost then). No event is published.
	 */
	Booking importStayBooking(ImportedStayBooking booking);

}
