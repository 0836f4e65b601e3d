/**
 * Trips and stays, their content, search, the Redis cache of catalog reads, and
 * reconciliation of content between PostgreSQL and MongoDB.
 *
 * <p>
 * <b>SQL that crosses into booking.</b> Stay availability (the calendar and the
 * {@code checkIn}/{@code checkOut} filter) calls {@code app.stay_occupancy}, a function
 * the booking module's changeset 014 defines over {@code app.bookings}. It is not
 * declared as a dependency: booking uses catalog's Java API, and declaring the reverse
 * would state a cycle. The function is the one definition of "taken nights" that both
 * modules share, so the search filter and the booking's exclusion constraint can never
 * disagree; moving it behind an event-fed availability table owned by catalog is the way
 * to remove the crossing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "catalog",
		allowedDependencies = { "platform", "platform :: config", "audit", "review" })
package io.getaways.catalog;
