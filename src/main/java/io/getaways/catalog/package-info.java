/**
 * Trips and stays, trip content, search, trip cache.
 */
@org.springframework.modulith.ApplicationModule(displayName = "catalog")
package io.getaways.catalog;
