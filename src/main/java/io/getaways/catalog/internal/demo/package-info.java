/**
 * The demo catalog that embedded mode loads once per database, and the guide to a first
 * booking (the service root and a line on start); nothing here is used elsewhere.
 */
package io.getaways.catalog.internal.demo;
