package io.getaways.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the booking module needs of the catalog: bookable facts and the seat arithmetic of
 * trips. Every method joins the caller's transaction, so a booking and its seats commit
 * or roll back together.
 */
public interface Inventory {

	/**
	 * The trip's booking facts, locked against concurrent price changes for the rest of
	 * the transaction.
	 */
	BookableTrip tripForBooking(String code);

	/**
	 * The stay's booking facts; a not-found refusal if there is none. In a transaction
	 * that writes, the stay's bookings are then placed by this transaction alone until it
	 * ends, so that overlapping bookings are refused instead of deadlocking each other.
	 */
	BookableStay stayForBooking(String code);

	/**
	 * Takes seats with one conditional update ({@code seats_booked + seats <= capacity});
	 * throws {@link TripSoldOutException} with the seats left when they are not there,
	 * and {@link TripNotFoundException}.
	 */
	void reserveSeats(long tripId, int seats);

	/**
	 * Takes seats of an active trip that has not departed with one conditional update
	 * that also reads its booking facts ({@code seatsBooked} counts the seats just
	 * taken), the row locked until commit as {@link #tripForBooking(String)} locks it,
	 * and publishes {@link TripChanged}. Empty, with nothing taken or published, when the
	 * trip is missing, not on sale, departed or short of seats: the caller finds out
	 * which with {@link #tripForBooking(String)}, a statement only refusals pay for.
	 */
	Optional<BookableTrip> reserveSeatsOnTrip(String code, int seats);

	/**
	 * The booking facts of the trips with these codes (those that exist), locked like
	 * {@link #tripForBooking(String)}, in id order; for bulk imports.
	 */
	List<BookableTrip> tripsForBooking(Collection<String> codes);

	/**
	 * Takes the seats of several trips with one conditional update, for a caller that
	 * locked the trips and checked their seats left: any trip that cannot take its seats
	 * fails the whole call. Publishes nothing: the caller announces the trips with
	 * {@link #seatsChanged} when it is done (a bulk import, once per trip instead of once
	 * per batch).
	 */
	void reserveSeats(Map<Long, Integer> seatsByTrip);

	/** One {@link TripChanged} per code, in the caller's transaction. */
	void seatsChanged(Collection<String> codes);

	/** Gives seats back, as a cancellation or an expired hold does. */
	void releaseSeats(long tripId, int seats);

}
