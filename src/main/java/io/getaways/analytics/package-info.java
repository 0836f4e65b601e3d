/**
 * Recorded searches and listing views in monthly partitioned tables, the materialized
 * report views over bookings and payments, and the admin reports API.
 *
 * <p>
 * <b>SQL that crosses into catalog, booking and payment.</b> The report views of
 * changeset 019 ({@code analytics.revenue_monthly}, {@code trip_occupancy},
 * {@code stay_occupancy_monthly}, {@code booking_funnel_weekly}) are defined over
 * {@code app.trips}, {@code app.stays} (catalog), {@code app.bookings} (booking),
 * {@code app.payments} and {@code app.refunds} (payment). Booking and payment are not
 * declared as dependencies: no Java type of theirs is used, and a report is by nature a
 * join over their tables, computed by PostgreSQL when a view is refreshed. A change to
 * those tables' columns, statuses or meaning must be followed by a changeset that
 * redefines the views; the report tests compare every view with a plain query over the
 * base tables, so they fail on a view that no longer says what the tables say. Catalog is
 * declared for {@link io.getaways.catalog.ListingViewed}, search for
 * {@link io.getaways.search.SearchPerformed}.
 *
 * <p>
 * The public API is {@link io.getaways.analytics.AnalyticsMaintenance}, which the
 * operations module's maintenance run uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "analytics", allowedDependencies = { "platform",
		"platform :: config", "platform :: web", "catalog", "search", "booking", "payment" })
package io.getaways.analytics;
