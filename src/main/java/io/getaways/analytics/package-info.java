/**
 * Recorded searches and listing views in monthly partitioned tables, the materialized
 * report views over bookings and payments, and the admin reports API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "analytics",
		allowedDependencies = { "platform", "platform :: config", "platform :: web", "catalog", "search" })
package io.getaways.analytics;
