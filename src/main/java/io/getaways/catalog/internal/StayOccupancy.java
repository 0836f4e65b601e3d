package io.getaways.catalog.internal;

import java.time.LocalDate;

/**
 * Nights of a stay that are taken: [checkIn, checkOut). Says nothing about who took them.
 */
public record StayOccupancy(LocalDate checkIn, LocalDate checkOut) {
}
