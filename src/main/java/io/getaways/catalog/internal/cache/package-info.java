/**
 * The Redis cache of catalog reads: one
 * {@link io.getaways.catalog.internal.cache.CatalogCache} per kind of listing (details by
 * code, pages of the public search), built over one
 * {@link io.getaways.catalog.internal.cache.CacheStore};
 * {@link io.getaways.catalog.internal.cache.PageKeys} names the pages.
 */
package io.getaways.catalog.internal.cache;
