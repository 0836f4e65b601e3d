package io.getaways.catalog.internal;

import java.util.function.BiFunction;
import java.util.function.Function;

import io.getaways.catalog.internal.content.ContentKind;

/**
 * What sets one kind of listing apart in {@link ListingCatalog}: its content kind, and
 * how it builds its records, events and refusals.
 *
 * @param details facts and content joined; the content counts only when it is current
 * @param factsOnly facts whose content is missing, stale or cannot be read
 * @param written facts with the content just written, current by construction
 * @param changed the event that evicts the listing's cached reads and search pages after
 * commit
 * @param contentChanged the event that carries content to MongoDB through the outbox
 */
record ListingKind<L, C, D>(ContentKind contentKind, BiFunction<L, C, D> details, Function<L, D> factsOnly,
		BiFunction<L, C, D> written, Function<String, Object> changed, BiFunction<String, C, Object> contentChanged,
		Function<String, RuntimeException> notFound, Function<String, RuntimeException> codeTaken) {
}
