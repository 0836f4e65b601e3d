package io.getaways.booking;

import java.util.UUID;

/** A passenger found by document number, masked, with the booking it travels on. */
public record PassengerMatch(UUID bookingId, Passenger passenger) {

}
