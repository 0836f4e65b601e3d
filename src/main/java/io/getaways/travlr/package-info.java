/**
 * The Travlr-compatible /api adapter.
 */
@org.springframework.modulith.ApplicationModule(displayName = "travlr")
package io.getaways.travlr;
