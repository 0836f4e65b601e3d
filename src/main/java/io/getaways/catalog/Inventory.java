package io.getaways.catalog;

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

	/** The stay's booking facts; a not-found refusal if there is none. */
	BookableStay stayForBooking(String code);

	/**
	 * Takes seats with one conditional update ({@code seats_booked + seats <= capacity});
	 * throws {@link TripSoldOutException} with the seats left when they are not there,
	 * and {@link TripNotFoundException}.
	 */
	void reserveSeats(long tripId, int seats);

	/** Gives seats back, as a cancellation or an expired hold does. */
	void releaseSeats(long tripId, int seats);

}
