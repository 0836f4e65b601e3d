/**
 * Trips and stays, their content, search, the Redis cache of catalog reads, and reconciliation of content between
 * PostgreSQL and MongoDB.
 */
@org.springframework.modulith.ApplicationModule(displayName = "catalog",
		allowedDependencies = { "platform", "audit", "review" })
package io.getaways.catalog;
