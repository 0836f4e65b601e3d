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
 *
 * <p>
 * <b>SQL that crosses into search.</b> The list endpoints' {@code q=} keeps the listings
 * whose codes {@code search.matching(kind, q)} returns, a function the search module's
 * changeset 018 defines over its index, so that {@code /api/v1/trips?q=} and
 * {@code /api/v1/search?q=} match alike (stemming, accents, phrases, exclusions). It is
 * not declared as a dependency: search reads the catalog through {@link ListingFeed} and
 * its events, and declaring the reverse would state a cycle. The index follows the
 * catalog through the outbox, so a listing written a moment ago matches {@code q=} once
 * its events are delivered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "catalog",
		allowedDependencies = { "platform", "platform :: config", "platform :: web", "audit", "review", "identity" })
package io.getaways.catalog;
