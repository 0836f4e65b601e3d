package io.getaways.catalog.internal.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.getaways.catalog.internal.content.ContentKind;

/**
 * Reads of one kind (trips or stays) cached in Redis: details by code, pages of the
 * public search and, where the kind has one, the list of every active listing with its
 * content. Any change of a code invalidates its details, every page and the list, since
 * they show what changed (a rating, seats left); a content change invalidates the details
 * and the list, which carry content, not the pages. Each kind says which of its searches
 * may be cached; one instance per kind ({@link ListingCaches}).
 */
public final class CatalogCache<D, P, L> {

	private static final String ALL_ACTIVE = "active";

	private final CachedReads<D> details;

	private final CachedReads<P> pages;

	private final CachedReads<L> lists;

	private final Predicate<D> withContent;

	/**
	 * Caches named for the kind ({@code trip}, {@code trip-page}), as their metrics are
	 * tagged. {@code withContent} says whether details carry their current content, the
	 * only ones worth storing.
	 */
	CatalogCache(Caches caches, ContentKind kind, Duration detailsTtl, Class<D> detailsType, Class<P> pageType,
			Class<L> listType, Predicate<D> withContent) {
		this.details = caches.entries(kind.label(), detailsTtl, detailsType);
		this.pages = caches.generations(kind.label() + "-page", caches.settings().pageTtl(), pageType);
		this.lists = listType == null ? null
				: caches.generations(kind.label() + "-list", caches.settings().pageTtl(), listType);
		this.withContent = withContent;
	}

	/**
	 * Only details with their current content are stored, so a read after MongoDB returns
	 * shows the content.
	 */
	public Optional<D> find(String code, Supplier<Optional<D>> loader) {
		return Optional.ofNullable(details.read(code, () -> loader.get().orElse(null), withContent));
	}

	/**
	 * A page of a search the kind caches, under the key of its query ({@link PageKeys}).
	 */
	public P page(String key, Supplier<P> loader) {
		return pages.read(key, loader, page -> true);
	}

	/**
	 * Every active listing with its content ({@code cache=<kind>-list}); stored only when
	 * {@code complete} says every item carries its current content.
	 */
	public L allActive(Supplier<L> loader, Predicate<L> complete) {
		if (lists == null) {
			throw new UnsupportedOperationException("this kind caches no list");
		}
		return lists.read(ALL_ACTIVE, loader, complete);
	}

	/**
	 * Throws when Redis failed, after trying every cache; what failed is carried out
	 * before the cache is used again.
	 */
	public void evict(String code) {
		Invalidations.all(() -> details.invalidate(code), () -> pages.invalidate(null), this::evictList);
	}

	public void evictContent(String code) {
		Invalidations.all(() -> details.invalidate(code), this::evictList);
	}

	private void evictList() {
		if (lists != null) {
			lists.invalidate(null);
		}
	}

}
