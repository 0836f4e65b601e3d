/**
 * Bookings of trip seats and stay dates, seat holds and their expiry, cancellations, the
 * booking state machine.
 *
 * <p>
 * Besides catalog's Java API ({@code Inventory}), booking's queries read the codes of
 * trips and stays from catalog's tables, since a booking keeps only their ids and codes
 * never change; that direction is declared. Catalog, in turn, calls this module's
 * {@code app.stay_occupancy} function for stay availability (see catalog's package
 * documentation).
 */
@org.springframework.modulith.ApplicationModule(displayName = "booking", allowedDependencies = { "platform",
		"platform :: config", "platform :: crypto", "platform :: web", "audit", "catalog", "payment", "identity" })
package io.getaways.booking;
