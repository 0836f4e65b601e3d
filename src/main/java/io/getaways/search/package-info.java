/**
 * Full-text search over trips and stays: a search table in PostgreSQL fed by catalog
 * events, the search API, suggestions.
 *
 * <p>
 * The table {@code search.listings} (changeset 018) is a projection: facts are read
 * through catalog's {@code ListingFeed} when {@code TripChanged}/{@code StayChanged}
 * arrive through the outbox, text comes with {@code TripContentChanged} /
 * {@code StayContentChanged}, and a backfill on start catches up with whatever the events
 * did not bring. The catalog's own list endpoints match {@code q=} through
 * {@code search.matching}, a function of this module's changeset (documented in catalog's
 * package-info).
 *
 * <p>
 * <b>SQL that crosses into booking.</b> The {@code checkIn}/{@code checkOut} filter calls
 * {@code app.stay_occupancy}, the booking module's definition of taken nights, as the
 * catalog's stay list does. It is not declared as a dependency for the same reason as
 * there: booking depends on catalog, and the function is the one definition of
 * availability all three share.
 */
@org.springframework.modulith.ApplicationModule(displayName = "search",
		allowedDependencies = { "platform", "platform :: config", "platform :: web", "catalog" })
package io.getaways.search;
