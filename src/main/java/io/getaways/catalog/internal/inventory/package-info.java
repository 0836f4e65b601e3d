/**
 * What the booking module needs of the catalog ({@link io.getaways.catalog.Inventory}):
 * bookable facts, and seats taken and given back inside the booking's transaction;
 * nothing here is used elsewhere in the catalog.
 */
package io.getaways.catalog.internal.inventory;
