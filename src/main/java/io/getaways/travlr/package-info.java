/**
 * The Travlr-compatible /api adapter.
 */
@org.springframework.modulith.ApplicationModule(displayName = "travlr",
		allowedDependencies = { "platform", "platform :: web", "audit", "catalog", "identity" })
package io.getaways.travlr;
