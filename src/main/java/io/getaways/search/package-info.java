/**
 * Full-text search over trips and stays: a search table in PostgreSQL fed by catalog
 * events, the search API, suggestions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "search",
		allowedDependencies = { "platform", "platform :: config", "platform :: web", "catalog" })
package io.getaways.search;
