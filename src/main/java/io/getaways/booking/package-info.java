/**
 * Bookings of trip seats and stay dates, seat holds and their expiry, cancellations, the booking state machine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "booking",
		allowedDependencies = { "platform", "audit", "catalog", "payment" })
package io.getaways.booking;
