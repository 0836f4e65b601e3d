/**
 * The demo catalog that embedded mode loads once per database; nothing here is used
 * elsewhere.
 */
package io.getaways.catalog.internal.demo;
