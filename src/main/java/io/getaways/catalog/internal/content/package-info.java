/**
 * The MongoDB content documents of trips and stays:
 * {@link io.getaways.catalog.internal.content.ContentDocuments}, one store per
 * {@link io.getaways.catalog.internal.content.ContentKind}, declared by
 * {@link io.getaways.catalog.internal.content.ContentStores}.
 */
package io.getaways.catalog.internal.content;
